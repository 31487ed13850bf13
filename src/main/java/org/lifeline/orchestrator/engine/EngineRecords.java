package org.lifeline.orchestrator.engine;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every record the embedded engine writes, once, in order, as it is written (a thread of its own follows the log;
 * {@link #catchUp()} reads up to the end at once for a caller that needs everything so far): counts them by value type
 * (the metric {@value #METRIC}), hands the few kinds the platform follows to their subscribers (open incidents, user
 * tasks ended in the engine) and then lets the log drop what every reader has passed ({@link BoundedLogStorage}). A
 * record is only turned into an object when a subscriber asks for its kind.
 *
 * <p>With {@code keep} (tests that read the whole stream) every record also stays readable through
 * {@link #getRecords()}, as zeebe-process-test's record stream does; without it nothing is kept and asking for the
 * stream is an error, so no reader silently sees only part of it.
 */
public final class EngineRecords implements RecordStreamSource, LogStorage.CommitListener, AutoCloseable {

  /** Micrometer name; Prometheus shows it as {@code lifeline_engine_records_total}, tagged {@code valueType}. */
  public static final String METRIC = "lifeline.engine.records";
  private static final Logger log = LoggerFactory.getLogger(EngineRecords.class);
  private static final int PARTITION_ID = 1;

  private final LogStreamReader reader;
  private final BoundedLogStorage storage;
  private final boolean keep;
  private final MeterRegistry meters;
  private final List<Record<?>> kept = new ArrayList<>();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final Map<ValueType, Counter> counters = new EnumMap<>(ValueType.class);
  private final RecordMetadata metadata = new RecordMetadata();
  private final Semaphore written = new Semaphore(0);
  private final Thread follower;
  private volatile boolean open = true;
  private long recordsRead;

  /** Whole records of some kinds for a subscriber; or only their keys, which needs no decoding of the value. */
  private record Subscription(
      ValueType valueType, Set<? extends Intent> intents, Consumer<Record<?>> records, LongConsumer keys) {

    boolean wants(ValueType type, Intent intent) {
      return valueType == type && intents.contains(intent);
    }
  }

  EngineRecords(LogStreamReader reader, BoundedLogStorage storage, boolean keep, MeterRegistry meters) {
    this.reader = reader;
    this.storage = storage;
    this.keep = keep;
    this.meters = meters;
    storage.addCommitListener(this);
    follower = Thread.ofPlatform().daemon().name("engine-records").start(this::follow);
  }

  /** Hands each record of this type and one of these intents to the consumer, on the thread that reads it. */
  public void subscribe(ValueType valueType, Set<? extends Intent> intents, Consumer<Record<?>> consumer) {
    subscriptions.add(new Subscription(valueType, intents, consumer, null));
  }

  /** Hands the key of each record of this type and one of these intents to the consumer (the value is not read). */
  public void subscribeToKeys(ValueType valueType, Set<? extends Intent> intents, LongConsumer consumer) {
    subscriptions.add(new Subscription(valueType, intents, null, consumer));
  }

  /** Reads every record written so far, then releases the log the readers are done with. */
  public void catchUp() {
    synchronized (this) {
      while (reader.hasNext()) {
        read(reader.next());
      }
    }
    storage.release();
  }

  /** Records written so far, since the engine started. */
  public synchronized long recordsRead() {
    return recordsRead;
  }

  /** Blocks of the log held in memory now: the ones some reader has not passed yet. */
  public int retainedBlocks() {
    return storage.retainedBlocks();
  }

  /** Whether every record stays readable through {@link #getRecords()}. */
  public boolean keepsRecords() {
    return keep;
  }

  /**
   * Every record since the engine started, read up to now.
   *
   * @throws IllegalStateException unless records are kept ({@code lifeline.engine.embedded.keep-records})
   */
  @Override
  public Iterable<Record<?>> getRecords() {
    if (!keep) {
      throw new IllegalStateException(
          "The embedded engine keeps no records (lifeline.engine.embedded.keep-records=false): subscribe to"
              + " EngineRecords instead");
    }
    catchUp();
    synchronized (this) {
      return Collections.unmodifiableList(new ArrayList<>(kept));
    }
  }

  @Override
  public void onCommit() {
    written.release();
  }

  private void follow() {
    while (open) {
      try {
        if (written.tryAcquire(1, TimeUnit.SECONDS)) {
          written.drainPermits();
          catchUp();
        }
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException unexpected) {
        log.error("Reading the engine's records failed; trying again with the next record written", unexpected);
      }
    }
  }

  private void read(LoggedEvent event) {
    recordsRead++;
    event.readMetadata(metadata);
    ValueType valueType = metadata.getValueType();
    Intent intent = metadata.getIntent();
    counters.computeIfAbsent(valueType, this::counter).increment();
    Record<?> record = keep ? copy(event) : null;
    if (record != null) {
      kept.add(record);
    }
    for (Subscription subscription : subscriptions) {
      if (!subscription.wants(valueType, intent)) {
        continue;
      }
      try {
        if (subscription.keys() != null) {
          subscription.keys().accept(event.getKey());
        } else {
          if (record == null) {
            record = copy(event);
          }
          subscription.records().accept(record);
        }
      } catch (RuntimeException failed) {
        log.error("A subscriber to {} {} records failed on record {}", valueType, intent, event.getPosition(), failed);
      }
    }
  }

  private Counter counter(ValueType valueType) {
    return Counter.builder(METRIC)
        .description("Records the embedded Zeebe engine wrote (commands, events, rejections)")
        .tag("valueType", valueType.name())
        .register(meters);
  }

  private static Record<?> copy(LoggedEvent event) {
    RecordMetadata recordMetadata = new RecordMetadata();
    event.readMetadata(recordMetadata);
    UnifiedRecordValue value = UnifiedRecordValue.fromValueType(recordMetadata.getValueType());
    event.readValue(value);
    return new CopiedRecord<>(
        value,
        recordMetadata,
        event.getKey(),
        PARTITION_ID,
        event.getPosition(),
        event.getSourceEventPosition(),
        event.getTimestamp());
  }

  @Override
  public void close() {
    open = false;
    storage.removeCommitListener(this);
    follower.interrupt();
    try {
      follower.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
