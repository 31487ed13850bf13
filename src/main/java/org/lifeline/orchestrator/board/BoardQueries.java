package org.lifeline.orchestrator.board;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lifeline.orchestrator.assignment.SpecialistCapacity;
import org.lifeline.orchestrator.assignment.SpecialistRegistry;
import org.lifeline.orchestrator.assignment.WaitingQueue;
import org.lifeline.orchestrator.curator.CuratorTask;
import org.lifeline.orchestrator.curator.CuratorTasks;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the board: a fixed number of queries whatever the number of requests (the page and its count through index
 * {@code ix_help_request_board}, the holders of the page's requests in one query, their open tasks in one look at the
 * task backend), never one query per request. No text of the person is read.
 */
@Service
public class BoardQueries {

  /** How many requests of each stage the console's board shows. */
  static final int STAGE_LIMIT = 25;

  /** How many waiting requests the console's board shows. */
  static final int QUEUE_LIMIT = 25;

  /** HIGH first: the levels' order, as a number the database can sort by. */
  private static final String RISK_RANK =
      "case r.risk_level when 'HIGH' then 3 when 'MEDIUM' then 2 when 'LOW' then 1 else 0 end";

  private final JdbcClient jdbc;
  private final HelpRequestRepository requests;
  private final SpecialistCapacity capacity;
  private final WaitingQueue queue;
  private final SpecialistRegistry specialists;
  private final CuratorTasks tasks;
  private final Clock clock;

  BoardQueries(
      JdbcClient jdbc,
      HelpRequestRepository requests,
      SpecialistCapacity capacity,
      WaitingQueue queue,
      SpecialistRegistry specialists,
      CuratorTasks tasks,
      Clock clock) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.capacity = capacity;
    this.queue = queue;
    this.specialists = specialists;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** The requests the filter lists, highest risk first, then the longest waiting, one page. */
  public BoardPage page(BoardFilter filter) {
    if (filter.statuses().isEmpty()) {
      return BoardPage.of(List.of(), filter, 0);
    }
    Where where = where(filter, clock.instant());
    long total =
        jdbc.sql("select count(*) from help_request r where " + where.sql()).params(where.params()).query(Long.class).single();
    List<BoardRequest> rows = total == 0 ? List.of() : rows(where, filter.size(), (long) filter.page() * filter.size());
    return BoardPage.of(withHoldersAndTasks(rows), filter, total);
  }

  /** One request as the board shows it, whatever its status. */
  public Optional<BoardRequest> request(UUID requestId) {
    Where where =
        new Where(
            "r.id = :id and r.status in (:statuses)",
            Map.of("id", requestId, "statuses", Arrays.stream(RequestStatus.values()).map(Enum::name).toList()));
    return withHoldersAndTasks(rows(where, 1, 0)).stream().findFirst();
  }

  /** The whole board: every open stage with its most urgent requests, the waiting queue and the specialists. */
  public Board board() {
    Instant now = clock.instant();
    Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
    requests.countByStatus().forEach(count -> counts.put(count.getStatus(), count.getCount()));
    List<BoardRequest> shown = new ArrayList<>();
    Map<String, Long> open = new HashMap<>();
    for (Map.Entry<String, Set<RequestStatus>> stage : BoardFilter.STAGES.entrySet()) {
      Set<RequestStatus> statuses = stage.getValue();
      if (statuses.stream().allMatch(RequestStatus::isFinal)) {
        continue;
      }
      long inStage = statuses.stream().mapToLong(status -> counts.getOrDefault(status, 0L)).sum();
      open.put(stage.getKey(), inStage);
      if (inStage > 0) {
        shown.addAll(rows(where(BoardFilter.ofStatuses(statuses, STAGE_LIMIT), now), STAGE_LIMIT, 0));
      }
    }
    List<BoardRequest> complete = withHoldersAndTasks(shown);
    List<Board.Stage> stages = new ArrayList<>();
    for (String stage : open.keySet().stream().sorted(BoardQueries::lifecycleOrder).toList()) {
      stages.add(
          new Board.Stage(stage, open.get(stage), complete.stream().filter(request -> request.stage().equals(stage)).toList()));
    }
    List<Board.QueuedRequest> queued =
        queue.nextWaiting(QUEUE_LIMIT).stream()
            .map(
                waiting ->
                    new Board.QueuedRequest(
                        waiting.getRequestId(), waiting.getRiskLevel(), waiting.isPriority(), waiting.getWaitingSince()))
            .toList();
    return new Board(now, stages, new Board.Queue(queue.size(), queued), specialists.loads());
  }

  /** How many requests are open, and how many of them at each risk level. */
  public Map<RiskLevel, Long> openByRisk() {
    Map<RiskLevel, Long> counts = new EnumMap<>(RiskLevel.class);
    jdbc.sql("select r.risk_level, count(*) as n from help_request r where r.status in (:statuses) group by r.risk_level")
        .param("statuses", BoardFilter.openStatuses().stream().map(Enum::name).toList())
        .query((row, number) -> Map.entry(RiskLevel.valueOf(row.getString("risk_level")), row.getLong("n")))
        .list()
        .forEach(count -> counts.put(count.getKey(), count.getValue()));
    return counts;
  }

  /** How many requests wait for a specialist. */
  public long waitingForASpecialist() {
    return queue.size();
  }

  private static int lifecycleOrder(String one, String other) {
    List<String> order = List.copyOf(BoardFilter.STAGES.keySet());
    return Integer.compare(order.indexOf(one), order.indexOf(other));
  }

  private List<BoardRequest> rows(Where where, int limit, long offset) {
    Map<String, Object> params = new HashMap<>(where.params());
    params.put("limit", limit);
    params.put("offset", offset);
    return jdbc.sql(
            "select r.id, r.status, r.risk_level, r.priority, r.status_changed_at from help_request r where "
                + where.sql()
                + " order by "
                + RISK_RANK
                + " desc, r.status_changed_at, r.id limit :limit offset :offset")
        .params(params)
        .query(
            (row, number) -> {
              RequestStatus status = RequestStatus.valueOf(row.getString("status"));
              return new BoardRequest(
                  row.getObject("id", UUID.class),
                  status,
                  status.stage(),
                  RiskLevel.valueOf(row.getString("risk_level")),
                  row.getBoolean("priority"),
                  row.getObject("status_changed_at", OffsetDateTime.class).toInstant(),
                  null,
                  List.of());
            })
        .list();
  }

  private List<BoardRequest> withHoldersAndTasks(List<BoardRequest> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    List<UUID> ids = rows.stream().map(BoardRequest::id).toList();
    Map<UUID, SpecialistCapacity.Holder> holders = capacity.holdersOf(ids);
    Map<UUID, List<CuratorTask>> open = tasks.openTasksOf(ids);
    return rows.stream()
        .map(
            row -> {
              SpecialistCapacity.Holder holder = holders.get(row.id());
              return new BoardRequest(
                  row.id(),
                  row.status(),
                  row.stage(),
                  row.riskLevel(),
                  row.prioritised(),
                  row.waitingSince(),
                  holder == null ? null : new BoardRequest.Staff(holder.specialistId(), holder.name(), holder.username()),
                  open.getOrDefault(row.id(), List.of()).stream().map(BoardRequest.OpenTask::of).toList());
            })
        .toList();
  }

  private static Where where(BoardFilter filter, Instant now) {
    StringBuilder sql = new StringBuilder("r.status in (:statuses)");
    Map<String, Object> params = new HashMap<>();
    params.put("statuses", filter.statuses().stream().map(Enum::name).sorted().toList());
    if (!filter.riskLevels().isEmpty()) {
      sql.append(" and r.risk_level in (:risks)");
      params.put("risks", filter.riskLevels().stream().map(Enum::name).sorted().toList());
    }
    if (filter.waitingLongerThan() != null) {
      sql.append(" and r.status_changed_at <= :waitingBefore");
      // Bound with an offset: the PostgreSQL driver infers no SQL type for an Instant.
      params.put("waitingBefore", now.minus(filter.waitingLongerThan()).atOffset(ZoneOffset.UTC));
    }
    return new Where(sql.toString(), params);
  }

  private record Where(String sql, Map<String, Object> params) {}
}
