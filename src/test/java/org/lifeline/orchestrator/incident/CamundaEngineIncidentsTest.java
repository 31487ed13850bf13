package org.lifeline.orchestrator.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Variable;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The cluster side against a mocked CamundaClient (no cluster runs here): the mapping and the calls. */
class CamundaEngineIncidentsTest {

  CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);

  @Test
  @SuppressWarnings("unchecked")
  void mapsActiveIncidentsWithTheRequestIdOfTheirProcessInstance() {
    UUID requestId = UUID.randomUUID();
    Incident incident = mock(Incident.class);
    when(incident.getIncidentKey()).thenReturn(11L);
    when(incident.getProcessInstanceKey()).thenReturn(7L);
    when(incident.getProcessDefinitionId()).thenReturn("help-request");
    when(incident.getElementId()).thenReturn("Task_SendGreeting");
    when(incident.getErrorType()).thenReturn(IncidentErrorType.JOB_NO_RETRIES);
    when(incident.getErrorMessage()).thenReturn("boom");
    when(incident.getJobKey()).thenReturn(13L);
    when(client.newIncidentSearchRequest().filter(any(Consumer.class)).sort(any(Consumer.class)).page(any(Consumer.class))
            .send().join().items())
        .thenReturn(List.of(incident));
    Variable variable = mock(Variable.class);
    when(variable.getProcessInstanceKey()).thenReturn(7L);
    when(variable.getScopeKey()).thenReturn(7L);
    when(variable.getValue()).thenReturn("\"" + requestId + "\"");
    when(client.newVariableSearchRequest().filter(any(Consumer.class)).page(any(Consumer.class)).send().join().items())
        .thenReturn(List.of(variable));

    assertThat(new CamundaEngineIncidents(client).open(50))
        .containsExactly(new OpenIncident(11L, 7L, "help-request", "Task_SendGreeting", "JOB_NO_RETRIES", "boom", 13L, requestId));
  }

  @Test
  @SuppressWarnings("unchecked")
  void noIncidentsNeedNoVariableSearch() {
    when(client.newIncidentSearchRequest().filter(any(Consumer.class)).sort(any(Consumer.class)).page(any(Consumer.class))
            .send().join().items())
        .thenReturn(List.of());
    assertThat(new CamundaEngineIncidents(client).open(50)).isEmpty();
  }
}
