package org.lifeline.orchestrator.engine;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redeploys the process owners' folder without a restart: the engine creates a new version of each
 * changed model; running instances stay on the version they started with, new ones get the latest.
 */
@RestController
@RequestMapping("/api/v1/admin/deployments")
@PreAuthorize("hasRole('ADMIN')")
class DeploymentController {

  private static final Logger log = LoggerFactory.getLogger(DeploymentController.class);

  private final ProcessModelDeployer deployer;

  DeploymentController(ProcessModelDeployer deployer) {
    this.deployer = deployer;
  }

  @PostMapping
  DeploymentView deploy() {
    return DeploymentView.of(deployer.location(), deployer.deploy());
  }

  @ExceptionHandler(ProcessModelDeployer.NoModelsException.class)
  ProblemDetail noModels(ProcessModelDeployer.NoModelsException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
  }

  @ExceptionHandler(ClientException.class)
  ProblemDetail engineRefused(ClientException e) {
    if (isRejection(e)) {
      return ProblemDetail.forStatusAndDetail(
          HttpStatus.UNPROCESSABLE_ENTITY, "The engine rejected the models: " + e.getMessage());
    }
    log.warn("Deployment failed: {}", e.getMessage());
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.SERVICE_UNAVAILABLE, "The engine cannot be reached; nothing was deployed. Try again later.");
  }

  private static boolean isRejection(ClientException e) {
    if (e instanceof ClientStatusException status) {
      return status.getStatusCode() == Status.Code.INVALID_ARGUMENT;
    }
    return e instanceof ClientHttpException http && http.code() == HttpStatus.BAD_REQUEST.value();
  }

  /** What the engine holds now for each model in the folder (unchanged models keep their version). */
  record DeploymentView(
      long deploymentKey, String location, List<ProcessVersion> processes, List<DecisionVersion> decisions, List<FormVersion> forms) {

    static DeploymentView of(String location, io.camunda.client.api.response.DeploymentEvent event) {
      return new DeploymentView(
          event.getKey(),
          location,
          event.getProcesses().stream()
              .map(p -> new ProcessVersion(p.getBpmnProcessId(), p.getVersion(), p.getProcessDefinitionKey(), p.getResourceName()))
              .toList(),
          event.getDecisions().stream()
              .map(d -> new DecisionVersion(d.getDmnDecisionId(), d.getVersion(), d.getDecisionKey()))
              .toList(),
          event.getForm().stream()
              .map(f -> new FormVersion(f.getFormId(), f.getVersion(), f.getFormKey(), f.getResourceName()))
              .toList());
    }
  }

  record ProcessVersion(String processId, int version, long processDefinitionKey, String resourceName) {}

  record DecisionVersion(String decisionId, int version, long decisionKey) {}

  record FormVersion(String formId, int version, long formKey, String resourceName) {}
}
