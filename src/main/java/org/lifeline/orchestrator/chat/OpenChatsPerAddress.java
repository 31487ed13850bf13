package org.lifeline.orchestrator.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The abuse brake of the web chat, beside the per-minute rate limit: one client address may hold at most {@code
 * lifeline.chat.open-chats-per-address} chats whose requests are still open (a script that opens a chat every few
 * seconds would otherwise fill the specialists' queue within the rate limit). A chat stops counting when its request
 * ends, or after {@code lifeline.chat.open-chats-window} at the latest. The addresses are kept in memory only, as
 * salted hashes (the salt is random per start), so neither a log nor a heap dump names who wrote; with several
 * replicas each keeps its own count.
 */
@Component
class OpenChatsPerAddress {

  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

  private final Map<String, List<Opened>> byAddress = new HashMap<>();
  private final byte[] salt = new byte[16];
  private final HelpRequestRepository requests;
  private final Clock clock;
  private final int limit;
  private final Duration window;

  OpenChatsPerAddress(
      HelpRequestRepository requests,
      Clock clock,
      @Value("${lifeline.chat.open-chats-per-address:10}") int limit,
      @Value("${lifeline.chat.open-chats-window:24h}") Duration window) {
    this.requests = requests;
    this.clock = clock;
    this.limit = limit;
    this.window = window;
    new SecureRandom().nextBytes(salt);
  }

  /**
   * Opens a chat for this address unless it already holds the limit: then 429 with Retry-After (when a place frees at
   * the latest, at most {@link #LONGEST_WAIT}: a chat that ends frees one sooner).
   */
  synchronized ChatSessions.Opened admit(String address, Supplier<ChatSessions.Opened> open) {
    String key = hash(address);
    List<Opened> held = stillOpen(byAddress.getOrDefault(key, List.of()));
    byAddress.put(key, held);
    if (held.size() >= limit) {
      Duration untilFirstFree = Duration.between(clock.instant(), held.get(0).at().plus(window));
      long seconds = Math.max(1, Math.min(untilFirstFree.toSeconds(), LONGEST_WAIT.toSeconds()));
      ErrorResponseException refused =
          new ErrorResponseException(
              HttpStatus.TOO_MANY_REQUESTS,
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.TOO_MANY_REQUESTS,
                  "Too many open chats from this address: try again when one has ended, or in " + seconds + " s"),
              null);
      refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      throw refused;
    }
    ChatSessions.Opened opened = open.get();
    List<Opened> updated = new ArrayList<>(held);
    updated.add(new Opened(opened.requestId(), clock.instant()));
    byAddress.put(key, updated);
    return opened;
  }

  /** Forgets addresses whose chats have all ended or aged out, so the map stays as small as the open chats. */
  @Scheduled(fixedDelayString = "${lifeline.chat.open-chats-cleanup:10m}")
  synchronized void forgetEnded() {
    byAddress.replaceAll((key, held) -> stillOpen(held));
    byAddress.values().removeIf(List::isEmpty);
  }

  private List<Opened> stillOpen(List<Opened> held) {
    Instant since = clock.instant().minus(window);
    List<Opened> recent = held.stream().filter(opened -> opened.at().isAfter(since)).toList();
    if (recent.isEmpty()) {
      return recent;
    }
    Set<UUID> ended =
        requests.findAllById(recent.stream().map(Opened::requestId).toList()).stream()
            .filter(request -> request.getStatus().isFinal())
            .map(HelpRequest::getId)
            .collect(Collectors.toSet());
    return recent.stream().filter(opened -> !ended.contains(opened.requestId())).toList();
  }

  private String hash(String address) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      return HexFormat.of().formatHex(digest.digest(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private record Opened(UUID requestId, Instant at) {}
}
