package org.lifeline.orchestrator.report;

import java.util.List;
import java.util.Map;

/** One small table of the reports page: requests counted by one property. */
public record CountTable(String id, String title, Map<String, Long> counts) {

  static List<CountTable> of(Summary.Requests requests) {
    return List.of(
        new CountTable("topic", "Topic", requests.byTopic()),
        new CountTable("channel", "Channel", requests.byChannel()),
        new CountTable("language", "Language", requests.byLanguage()),
        new CountTable("age-group", "Age group", requests.byAgeGroup()),
        new CountTable("risk-level", "Risk level", requests.byRiskLevel()));
  }
}
