package org.lifeline.orchestrator.request;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.platform.CachedValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Operations metrics of requests: {@value #REQUESTS} (gauge: how many requests are in each status,
 * tagged {@code status} and {@code stage}; counted by the database, at most once per
 * {@code lifeline.metrics.cache}) and {@value #STAGE_DURATION} (timer: how long a request spent in a
 * stage, tagged {@code stage}, recorded when it moves on to another stage).
 */
@Component
class RequestMetrics {

  static final String REQUESTS = "lifeline.requests";
  static final String STAGE_DURATION = "lifeline.requests.stage.duration";

  private final RequestEventRepository events;
  private final MeterRegistry registry;
  private final CachedValue<Map<RequestStatus, Long>> counts;

  RequestMetrics(
      HelpRequestRepository requests,
      RequestEventRepository events,
      MeterRegistry registry,
      Clock clock,
      @Value("${lifeline.metrics.cache:15s}") Duration cache) {
    this.events = events;
    this.registry = registry;
    this.counts = new CachedValue<>(() -> countByStatus(requests), Map.of(), cache, clock);
    for (RequestStatus status : RequestStatus.values()) {
      Gauge.builder(REQUESTS, () -> counts.get().getOrDefault(status, 0L))
          .description("Requests by status and stage")
          .tag("status", status.name())
          .tag("stage", status.stage())
          .register(registry);
    }
  }

  /** Called before a status change is stored; records the time spent in the stage being left. */
  void statusChanging(UUID requestId, RequestStatus from, RequestStatus to, Instant now) {
    if (from.stage().equals(to.stage())) {
      return;
    }
    Instant entered = null;
    for (RequestEvent event : events.findByRequestIdAndTypeOrderByAtDescIdDesc(requestId, RequestEventType.STATUS_CHANGED)) {
      if (event.getStatus() == null || !event.getStatus().stage().equals(from.stage())) {
        break;
      }
      entered = event.getAt();
    }
    if (entered == null) {
      return;
    }
    Duration spent = Duration.between(entered, now);
    Timer timer =
        Timer.builder(STAGE_DURATION)
            .description("Time a request spent in a stage before moving on")
            .tag("stage", from.stage())
            .register(registry);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              timer.record(spent);
            }
          });
    } else {
      timer.record(spent);
    }
  }

  private static Map<RequestStatus, Long> countByStatus(HelpRequestRepository requests) {
    Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
    requests.countByStatus().forEach(count -> counts.put(count.getStatus(), count.getCount()));
    return counts;
  }
}
