package org.lifeline.orchestrator.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process owners' folder ({@code bpmn/}: processes, decisions, forms) to the engine.
 * Deployment is retried by callers until it succeeds, so the platform can take requests while the
 * engine is unreachable and catch up once it is back. The embedded engine gets the models with
 * their user tasks adapted (see {@link UserTaskAdaptation}).
 */
@Component
public class ProcessModelDeployer {

  static final List<String> MODEL_PATTERNS =
      List.of("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:bpmn/**/*.form");
  private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

  private final CamundaClient client;
  private final ResourcePatternResolver resources;
  private final boolean adaptUserTasks;
  private volatile boolean deployed;

  ProcessModelDeployer(CamundaClient client, ResourcePatternResolver resources, EngineProperties engine) {
    this.client = client;
    this.resources = resources;
    this.adaptUserTasks = engine.isEmbedded();
  }

  /** Deploys once per application run; cheap after the first success. */
  public void ensureDeployed() {
    if (deployed) {
      return;
    }
    synchronized (this) {
      if (!deployed) {
        deploy();
        deployed = true;
      }
    }
  }

  /** Deploys every model in the folder; the engine only creates new versions of changed ones. */
  public DeploymentEvent deploy() {
    List<ModelResource> models = modelResources();
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 step = null;
    for (ModelResource model : models) {
      if (adaptUserTasks && model.name().endsWith(".bpmn")) {
        model = new ModelResource(model.name(), UserTaskAdaptation.toJobWorkerUserTasks(model.content()));
      }
      step =
          step == null
              ? command.addResourceBytes(model.content(), model.name())
              : step.addResourceBytes(model.content(), model.name());
    }
    if (step == null) {
      throw new IllegalStateException("No process models found under bpmn/");
    }
    DeploymentEvent event = step.send().join();
    log.info(
        "Deployed {} model(s): {} process(es), {} decision(s), {} form(s)",
        models.size(),
        event.getProcesses().size(),
        event.getDecisions().size(),
        event.getForm().size());
    return event;
  }

  /** The model files on the classpath, in a stable order, named by their path below bpmn/. */
  public List<ModelResource> modelResources() {
    List<ModelResource> models = new ArrayList<>();
    try {
      for (String pattern : MODEL_PATTERNS) {
        for (Resource resource : resources.getResources(pattern)) {
          models.add(new ModelResource(nameOf(resource), resource.getContentAsByteArray()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process models under bpmn/", e);
    }
    models.sort(Comparator.comparing(ModelResource::name));
    return models;
  }

  private static String nameOf(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    int folder = url.lastIndexOf("bpmn/");
    return folder >= 0 ? url.substring(folder + "bpmn/".length()) : resource.getFilename();
  }

  public record ModelResource(String name, byte[] content) {}
}
