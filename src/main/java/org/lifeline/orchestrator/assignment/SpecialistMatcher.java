package org.lifeline.orchestrator.assignment;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes the best specialist for a request with one indexed query.
 *
 * <p>Required: active, free capacity ({@code active_cases < max_cases}), speaks the language, serves
 * the age group (when known), not excluded, and for a {@code HIGH} risk request on shift now. Ranked
 * by: on shift now first, then covering the topic, then least loaded ({@code active_cases/max_cases},
 * then fewer cases), then least recently assigned (never assigned first), then id.
 *
 * <p>So a specialist who is not on shift, or does not list the topic, is proposed only when nobody
 * better is free; the {@link Candidate} flags tell the curator.
 */
@Service
public class SpecialistMatcher {

  private final JdbcClient jdbc;
  private final int alternatives;

  SpecialistMatcher(JdbcClient jdbc, AssignmentProperties properties) {
    this.jdbc = jdbc;
    this.alternatives = properties.alternatives();
  }

  @Transactional(readOnly = true)
  public Optional<Proposal> proposeFor(MatchCriteria criteria) {
    List<Candidate> ranked = rank(criteria, 1 + alternatives);
    if (ranked.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Proposal(ranked.getFirst(), ranked.subList(1, ranked.size())));
  }

  /** The best {@code limit} candidates, best first. */
  @Transactional(readOnly = true)
  public List<Candidate> rank(MatchCriteria criteria, int limit) {
    List<String> zones = jdbc.sql("select distinct time_zone from specialist").query(String.class).list();
    if (zones.isEmpty()) {
      return List.of();
    }
    RankingQuery query = rankingQuery(criteria, zones, limit);
    return jdbc.sql(query.sql())
        .params(query.params())
        .query(
            (row, number) ->
                new Candidate(
                    row.getObject("id", UUID.class),
                    row.getString("name"),
                    row.getInt("active_cases"),
                    row.getInt("max_cases"),
                    row.getInt("on_shift") == 1,
                    row.getInt("topic_match") == 1))
        .list();
  }

  /** The SQL and its parameters for the criteria; {@code zones} are the time zones of all specialists. */
  private static RankingQuery rankingQuery(MatchCriteria criteria, List<String> zones, int limit) {
    Map<String, Object> params = new HashMap<>();
    List<String> clockRows = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      ZonedDateTime local = criteria.now().atZone(ZoneId.of(zones.get(i)));
      clockRows.add("(:zone%d, :weekday%d, :minute%d)".formatted(i, i, i));
      params.put("zone" + i, zones.get(i));
      params.put("weekday" + i, local.getDayOfWeek().getValue());
      params.put("minute" + i, local.getHour() * 60 + local.getMinute());
    }
    String onShift =
        """
        exists (select 1 from specialist_shift sh
                where sh.specialist_id = sp.id and sh.weekday = clk.weekday
                  and sh.start_minute <= clk.minute_of_day and sh.end_minute > clk.minute_of_day)""";
    String topicMatch =
        criteria.hasTopicPreference()
            ? "exists (select 1 from specialist_topic t where t.specialist_id = sp.id and t.topic = :topic)"
            : "1 = 1";
    StringBuilder sql =
        new StringBuilder(
            """
            select sp.id, sp.name, sp.active_cases, sp.max_cases,
                   case when %s then 1 else 0 end as on_shift,
                   case when %s then 1 else 0 end as topic_match
            from specialist_language l
            join specialist sp on sp.id = l.specialist_id
            join (values %s) as clk (time_zone, weekday, minute_of_day) on clk.time_zone = sp.time_zone
            where l.language = :language
              and sp.active = true
              and sp.active_cases < sp.max_cases
            """
                .formatted(onShift, topicMatch, String.join(", ", clockRows)));
    params.put("language", criteria.language());
    if (criteria.hasTopicPreference()) {
      params.put("topic", criteria.topic());
    }
    if (criteria.ageGroup() != null) {
      sql.append(
          " and exists (select 1 from specialist_age_group g where g.specialist_id = sp.id and g.age_group = :ageGroup)\n");
      params.put("ageGroup", criteria.ageGroup().name());
    }
    if (!criteria.excludedSpecialistIds().isEmpty()) {
      sql.append(" and sp.id not in (:excluded)\n");
      params.put("excluded", List.copyOf(criteria.excludedSpecialistIds()));
    }
    if (criteria.needsSomeoneOnShift()) {
      sql.append(" and ").append(onShift).append('\n');
    }
    sql.append(
        """
        order by on_shift desc, topic_match desc, sp.active_cases * 10000 / sp.max_cases, sp.active_cases,
                 sp.last_assigned_at nulls first, sp.id
        limit :limit
        """);
    // The load share is compared in integer ten-thousandths: decimal division is slow in H2.
    params.put("limit", limit);
    return new RankingQuery(sql.toString(), params);
  }

  private record RankingQuery(String sql, Map<String, Object> params) {}
}
