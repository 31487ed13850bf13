package org.lifeline.orchestrator.incident;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** A Camunda cluster's open incidents, through its search API (the same data Operate shows). */
@Component
@ConditionalOnProperty(name = "lifeline.engine.mode", havingValue = "camunda")
class CamundaEngineIncidents implements EngineIncidents {

  private final CamundaClient client;

  CamundaEngineIncidents(CamundaClient client) {
    this.client = client;
  }

  @Override
  public List<OpenIncident> open(int limit) {
    List<Incident> incidents =
        client
            .newIncidentSearchRequest()
            .filter(filter -> filter.state(IncidentState.ACTIVE))
            .sort(sort -> sort.creationTime().asc())
            .page(page -> page.limit(limit))
            .send()
            .join()
            .items();
    Map<Long, UUID> requestIds = requestIds(incidents.stream().map(Incident::getProcessInstanceKey).distinct().toList());
    return incidents.stream()
        .map(
            incident ->
                new OpenIncident(
                    incident.getIncidentKey(),
                    incident.getProcessInstanceKey(),
                    incident.getProcessDefinitionId(),
                    incident.getElementId(),
                    incident.getErrorType() == null ? null : incident.getErrorType().name(),
                    incident.getErrorMessage(),
                    incident.getJobKey(),
                    requestIds.get(incident.getProcessInstanceKey())))
        .toList();
  }

  private Map<Long, UUID> requestIds(List<Long> processInstanceKeys) {
    Map<Long, UUID> ids = new HashMap<>();
    if (processInstanceKeys.isEmpty()) {
      return ids;
    }
    List<Variable> variables =
        client
            .newVariableSearchRequest()
            .filter(
                filter ->
                    filter.name(HelpRequestProcess.Variables.REQUEST_ID).processInstanceKey(key -> key.in(processInstanceKeys)))
            .page(page -> page.limit(processInstanceKeys.size() * 2))
            .send()
            .join()
            .items();
    for (Variable variable : variables) {
      if (variable.getScopeKey() != null && variable.getScopeKey().equals(variable.getProcessInstanceKey())) {
        uuidOf(variable.getValue()).ifPresent(id -> ids.put(variable.getProcessInstanceKey(), id));
      }
    }
    return ids;
  }

  /** Variable values are JSON: a UUID comes quoted. */
  static Optional<UUID> uuidOf(String jsonValue) {
    if (jsonValue == null || jsonValue.length() != 38 || !jsonValue.startsWith("\"") || !jsonValue.endsWith("\"")) {
      return Optional.empty();
    }
    return EmbeddedEngineIncidents.parseUuid(jsonValue.substring(1, 37));
  }
}
