package org.lifeline.orchestrator.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process owners' folder ({@code bpmn/}: processes, decisions, forms) to the engine.
 * Deployment is retried by callers until it succeeds, so the platform can take requests while the
 * engine is unreachable and catch up once it is back. The embedded engine gets the models with
 * their user tasks adapted (see {@link UserTaskAdaptation}).
 *
 * <p>The folder is {@code lifeline.models.location}: by default {@code classpath*:bpmn/} (the files
 * built into the application); a {@code file:} folder such as {@code file:./bpmn/} is read afresh on
 * every {@link #deploy()}, so edited models can be redeployed without a restart. Resources are
 * named by their path below the folder either way, so the engine sees the same names.
 */
@Component
public class ProcessModelDeployer {

  static final String DEFAULT_LOCATION = "classpath*:bpmn/";
  static final List<String> MODEL_FILES = List.of("**/*.bpmn", "**/*.dmn", "**/*.form");
  private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

  private final CamundaClient client;
  private final ResourcePatternResolver resources;
  private final boolean adaptUserTasks;
  private final String location;
  private final Path fileRoot;
  private final String classpathFolder;
  private volatile boolean deployed;

  ProcessModelDeployer(
      CamundaClient client,
      ResourcePatternResolver resources,
      EngineProperties engine,
      @Value("${lifeline.models.location:" + DEFAULT_LOCATION + "}") String location) {
    this.client = client;
    this.resources = resources;
    this.adaptUserTasks = engine.isEmbedded();
    this.location = location.endsWith("/") ? location : location + "/";
    String path = this.location.substring(this.location.indexOf(':') + 1);
    this.fileRoot = this.location.startsWith("file:") ? Path.of(path).toAbsolutePath().normalize() : null;
    this.classpathFolder = path.startsWith("/") ? path.substring(1) : path;
  }

  /** Where the models are read from ({@code lifeline.models.location}). */
  public String location() {
    return location;
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

  /**
   * Deploys every model in the folder; the engine only creates new versions of changed ones, and
   * running instances stay on the version they started with.
   */
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
      throw new NoModelsException(location);
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

  /** The model files in the folder, in a stable order, named by their path below it. */
  public List<ModelResource> modelResources() {
    List<ModelResource> models = new ArrayList<>();
    try {
      for (String pattern : MODEL_FILES) {
        for (Resource resource : resources.getResources(location + pattern)) {
          models.add(new ModelResource(nameOf(resource), resource.getContentAsByteArray()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process models under " + location, e);
    }
    models.sort(Comparator.comparing(ModelResource::name));
    return models;
  }

  private String nameOf(Resource resource) throws IOException {
    if (fileRoot != null) {
      Path file = resource.getFile().toPath().toAbsolutePath().normalize();
      return fileRoot.relativize(file).toString().replace('\\', '/');
    }
    String url = resource.getURL().toString();
    int folder = classpathFolder.isEmpty() ? -1 : url.lastIndexOf(classpathFolder);
    return folder >= 0 ? url.substring(folder + classpathFolder.length()) : resource.getFilename();
  }

  public record ModelResource(String name, byte[] content) {}

  /** The configured folder holds no model: nothing to deploy. */
  public static class NoModelsException extends IllegalStateException {

    NoModelsException(String location) {
      super("No process models (*.bpmn, *.dmn, *.form) found under " + location);
    }
  }
}
