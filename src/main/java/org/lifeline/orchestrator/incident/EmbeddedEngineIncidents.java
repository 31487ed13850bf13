package org.lifeline.orchestrator.incident;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.MessageStartEventSubscriptionIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageStartEventSubscriptionRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceCreationRecordValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.lifeline.orchestrator.engine.EngineRecords;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The in-memory engine has no query API: its incidents are followed in its records as they are written (an incident
 * CREATED and not yet RESOLVED), together with the {@code requestId} each running process instance was started with
 * (from its creation, or the message that started it), forgotten when the instance ends. So what is held is bounded
 * by the open incidents and the running instances, however long the platform runs.
 */
@Component
@ConditionalOnProperty(name = "lifeline.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineIncidents implements EngineIncidents {

  private final EngineRecords records;
  /** Open incidents by key, oldest first (keys grow with time). */
  private final Map<Long, IncidentRecordValue> open = new ConcurrentSkipListMap<>();
  /** Running process instances' request ids. */
  private final Map<Long, UUID> requestIds = new ConcurrentHashMap<>();

  EmbeddedEngineIncidents(EngineRecords records) {
    this.records = records;
    records.subscribe(ValueType.INCIDENT, Set.of(IncidentIntent.CREATED, IncidentIntent.RESOLVED), this::onIncident);
    records.subscribe(ValueType.PROCESS_INSTANCE_CREATION, Set.of(ProcessInstanceCreationIntent.CREATED), this::onCreated);
    records.subscribe(
        ValueType.MESSAGE_START_EVENT_SUBSCRIPTION, Set.of(MessageStartEventSubscriptionIntent.CORRELATED), this::onMessageStart);
    // The process element's own records have the instance's key as their key: no need to read the value.
    records.subscribeToKeys(
        ValueType.PROCESS_INSTANCE,
        Set.of(ProcessInstanceIntent.ELEMENT_COMPLETED, ProcessInstanceIntent.ELEMENT_TERMINATED),
        requestIds::remove);
  }

  @Override
  public List<OpenIncident> open(int limit) {
    records.catchUp();
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

  private void onIncident(Record<?> record) {
    if (record.getIntent() == IncidentIntent.CREATED) {
      open.put(record.getKey(), (IncidentRecordValue) record.getValue());
    } else {
      open.remove(record.getKey());
    }
  }

  private void onCreated(Record<?> record) {
    ProcessInstanceCreationRecordValue created = (ProcessInstanceCreationRecordValue) record.getValue();
    remember(created.getProcessInstanceKey(), created.getVariables().get(HelpRequestProcess.Variables.REQUEST_ID));
  }

  private void onMessageStart(Record<?> record) {
    MessageStartEventSubscriptionRecordValue started = (MessageStartEventSubscriptionRecordValue) record.getValue();
    remember(started.getProcessInstanceKey(), started.getVariables().get(HelpRequestProcess.Variables.REQUEST_ID));
  }

  private void remember(long processInstanceKey, Object requestId) {
    if (requestId != null) {
      parseUuid(requestId.toString()).ifPresent(id -> requestIds.put(processInstanceKey, id));
    }
  }

  static Optional<UUID> parseUuid(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }
}
