package org.lifeline.orchestrator.qualification;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestProcess;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Looks at the contact's earlier requests and hands the decision its facts (flags and numbers only). */
@Component
public class CollectQualificationFactsWorker {

  private final HelpRequestRepository requests;

  CollectQualificationFactsWorker(HelpRequestRepository requests) {
    this.requests = requests;
  }

  @JobWorker(type = HelpRequestProcess.JOB_COLLECT_QUALIFICATION_FACTS)
  @Transactional(readOnly = true)
  public Map<String, Object> collectQualificationFacts(@Variable String requestId) {
    HelpRequest request = requests.findById(UUID.fromString(requestId)).orElseThrow();
    return QualificationFacts.of(request, requests.findByContactIdOrderByCreatedAt(request.getContactId())).asVariables();
  }
}
