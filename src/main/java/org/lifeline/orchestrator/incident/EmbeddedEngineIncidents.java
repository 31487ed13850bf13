package org.lifeline.orchestrator.incident;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The in-memory engine has no query API: its incidents are read from its record stream (an incident
 * CREATED and not yet RESOLVED). The stream holds the whole run, so this reads it through once.
 */
@Component
@ConditionalOnProperty(name = "lifeline.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineIncidents implements EngineIncidents {

  private final ZeebeTestEngine engine;

  EmbeddedEngineIncidents(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  @Override
  public List<OpenIncident> open(int limit) {
    Map<Long, IncidentRecordValue> open = new LinkedHashMap<>();
    Map<Long, UUID> requestIds = new HashMap<>();
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      if (record.getValueType() == ValueType.INCIDENT) {
        if (record.getIntent() == IncidentIntent.CREATED) {
          open.put(record.getKey(), (IncidentRecordValue) record.getValue());
        } else if (record.getIntent() == IncidentIntent.RESOLVED) {
          open.remove(record.getKey());
        }
      } else if (record.getValueType() == ValueType.VARIABLE && record.getIntent() == VariableIntent.CREATED) {
        VariableRecordValue variable = (VariableRecordValue) record.getValue();
        if (variable.getName().equals(HelpRequestProcess.Variables.REQUEST_ID)
            && variable.getScopeKey() == variable.getProcessInstanceKey()) {
          parseUuid(variable.getValue()).ifPresent(id -> requestIds.put(variable.getProcessInstanceKey(), id));
        }
      }
    }
    List<OpenIncident> incidents = new ArrayList<>();
    for (Map.Entry<Long, IncidentRecordValue> entry : open.entrySet()) {
      if (incidents.size() == limit) {
        break;
      }
      IncidentRecordValue incident = entry.getValue();
      incidents.add(
          new OpenIncident(
              entry.getKey(),
              incident.getProcessInstanceKey(),
              incident.getBpmnProcessId(),
              incident.getElementId(),
              incident.getErrorType().name(),
              incident.getErrorMessage(),
              incident.getJobKey() > 0 ? incident.getJobKey() : null,
              requestIds.get(incident.getProcessInstanceKey())));
    }
    return incidents;
  }

  /** Variable values are JSON: a UUID comes quoted. */
  static Optional<UUID> parseUuid(String jsonValue) {
    if (jsonValue == null || jsonValue.length() != 38 || !jsonValue.startsWith("\"") || !jsonValue.endsWith("\"")) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(jsonValue.substring(1, 37)));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }
}
