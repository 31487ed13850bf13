package org.lifeline.orchestrator.telegram;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Long polling for installations without a public HTTPS address for the webhook. */
class TelegramPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

  private final TelegramBotApi api;
  private final TelegramDialogue dialogue;
  private final Duration pollTimeout;
  private volatile Thread thread;
  private long offset;

  TelegramPoller(TelegramBotApi api, TelegramDialogue dialogue, Duration pollTimeout) {
    this.api = api;
    this.dialogue = dialogue;
    this.pollTimeout = pollTimeout;
  }

  @Override
  public void start() {
    thread = Thread.ofPlatform().name("telegram-poller").daemon().start(this::poll);
  }

  @Override
  public void stop() {
    Thread running = thread;
    thread = null;
    if (running != null) {
      running.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  /** One getUpdates call; every update goes to the dialogue, and the next call asks only for newer ones. */
  void pollOnce() {
    List<TelegramUpdate> updates = api.getUpdates(offset, pollTimeout);
    for (TelegramUpdate update : updates) {
      dialogue.handle(update);
      offset = update.updateId() + 1;
    }
  }

  private void poll() {
    while (thread == Thread.currentThread()) {
      try {
        pollOnce();
      } catch (RuntimeException failure) {
        if (thread != Thread.currentThread()) {
          return;
        }
        log.warn("Telegram polling failed, trying again in {}: {}", PAUSE_AFTER_FAILURE, failure.getMessage());
        try {
          Thread.sleep(PAUSE_AFTER_FAILURE);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }
}
