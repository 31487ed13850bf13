package org.lifeline.orchestrator.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.client.api.response.MatchedDecisionRule;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/qualification.dmn, evaluated by the engine: every rule is hit at least once. */
@ZeebeProcessTest
class QualificationDecisionTest {

  private static final Set<String> ALL_RULES =
      Set.of("Rule_MinorAtRisk", "Rule_Minor", "Rule_EarlierRedirectedAsMinor", "Rule_AgeChanged", "Rule_Proceed");
  private static final Set<String> HIT_RULES = new TreeSet<>();

  ZeebeClient client;

  @BeforeEach
  void deploy() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/qualification.dmn").send().join();
  }

  @ParameterizedTest(name = "age {0}, risk {1}, earlier {2}, earlier minor {3}, age differs {4} -> {5} {6}")
  @CsvSource(
      nullValues = "null",
      textBlock =
          """
          # age, risk,  earlier, earlierMinor, ageDiffers, route,          reviewReason,                         rule
          34,     NONE,   false,   false,        false,      proceed,        null,                                 Rule_Proceed
          18,     NONE,   false,   false,        false,      proceed,        null,                                 Rule_Proceed
          17,     NONE,   false,   false,        false,      redirect-minor, null,                                 Rule_Minor
          15,     LOW,    true,    true,         true,       redirect-minor, null,                                 Rule_Minor
          16,     HIGH,   false,   false,        false,      curator-review, MINOR_AT_RISK,                        Rule_MinorAtRisk
          12,     MEDIUM, true,    true,         false,      curator-review, MINOR_AT_RISK,                        Rule_MinorAtRisk
          19,     NONE,   true,    true,         true,       curator-review, EARLIER_REQUEST_REDIRECTED_AS_MINOR,  Rule_EarlierRedirectedAsMinor
          25,     NONE,   true,    false,        true,       curator-review, AGE_CHANGED_SINCE_EARLIER_REQUEST,    Rule_AgeChanged
          25,     HIGH,   true,    false,        false,      proceed,        null,                                 Rule_Proceed
          """)
  void decidesTheRoute(
      int age,
      String risk,
      boolean earlier,
      boolean earlierMinor,
      boolean ageDiffers,
      String route,
      String reviewReason,
      String rule) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("statedAge", age);
    facts.put("riskLevel", risk);
    facts.put("hasEarlierRequests", earlier);
    facts.put("earlierRedirectedAsMinor", earlierMinor);
    facts.put("earlierAgeDiffers", ageDiffers);

    EvaluateDecisionResponse response =
        client
            .newEvaluateDecisionCommand()
            .decisionId(HelpRequestProcess.DECISION_QUALIFICATION_ROUTE)
            .variables(facts)
            .send()
            .join();

    assertThat(response.getFailureMessage()).isNullOrEmpty();
    String expectedReason = reviewReason == null ? "null" : "\"" + reviewReason + "\"";
    assertThat(response.getDecisionOutput())
        .isEqualTo("{\"route\":\"" + route + "\",\"reviewReason\":" + expectedReason + "}");
    var matched = response.getEvaluatedDecisions().get(0).getMatchedRules();
    assertThat(matched).extracting(MatchedDecisionRule::getRuleId).containsExactly(rule);
    HIT_RULES.add(rule);
  }

  @AfterAll
  static void everyRuleIsHit() {
    assertThat(HIT_RULES).containsExactlyInAnyOrderElementsOf(ALL_RULES);
  }
}
