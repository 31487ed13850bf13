package org.lifeline.orchestrator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The contract between the process owners' folder ({@code bpmn/}) and the code: every job type a
 * model uses has a worker and every worker is used; every message a model waits for is published
 * by some code; every form, decision and called process a model refers to exists; every user task sets a
 * priority and a due date (so every inbox can put it in order of urgency); every element template matches its worker
 * (job type, and inputs/headers the worker can read); every timer is a date computed from what the database knows,
 * so that a process re-driven after a restart keeps its deadlines.
 */
final class ModelContract {

  static final String TEMPLATE_SCHEMA =
      "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";
  static final String TEMPLATES_FOLDER = "element-templates";
  private static final Pattern DMN_DECISION = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*\\bid=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Timers that still count from when the process reached them, not from a time the database knows. They belong to
   * the assignment stage, which another change is reworking; they are converted after it (see docs/performance.md).
   */
  static final Set<String> TIMERS_NOT_YET_FROM_THE_DATABASE = Set.of("Timer_ResponseOverdue");

  private final Path folder;
  private final CodeFacts code;
  private final List<String> violations = new ArrayList<>();

  private ModelContract(Path folder, CodeFacts code) {
    this.folder = folder;
    this.code = code;
  }

  /** Everything wrong between the models in the folder and the code; empty when they agree. */
  static List<String> violations(Path folder, CodeFacts code) {
    ModelContract contract = new ModelContract(folder, code);
    contract.check();
    return List.copyOf(contract.violations);
  }

  private void check() {
    violations.addAll(code.problems());
    Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    for (Path file : files(".bpmn")) {
      models.put(relative(file), Bpmn.readModelFromFile(file.toFile()));
    }
    Set<String> forms = formIds();
    Set<String> decisions = decisionIds();
    Set<String> processes = new HashSet<>();
    models.values()
        .forEach(model -> model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
            .forEach(process -> processes.add(process.getId())));
    Set<String> usedJobTypes = new HashSet<>();

    models.forEach(
        (file, model) -> {
          for (ZeebeTaskDefinition task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
            String type = task.getType();
            String where = file + ": " + ownerOf(task);
            if (type == null || type.startsWith("=")) {
              violations.add(where + " has job type '" + type + "': use a fixed job type that a worker handles");
            } else if (!code.workers().containsKey(type) && !UserTaskAdaptation.JOB_TYPE.equals(type)) {
              violations.add(where + " uses job type '" + type + "' that no @JobWorker handles");
            }
            usedJobTypes.add(type);
          }
          for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
            if (definition.getParentElement() instanceof CatchEvent event) {
              checkMessage(file, event.getId(), definition.getMessage());
            }
          }
          for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            String element = ((BaseElement) timer.getParentElement()).getId();
            boolean dateExpression = timer.getTimeDate() != null && timer.getTimeDate().getTextContent().strip().startsWith("=");
            if (!dateExpression && !TIMERS_NOT_YET_FROM_THE_DATABASE.contains(element)) {
              violations.add(file + ": " + element + " counts from when the process reached it: make it a date expression"
                  + " on a time the database knows (=date and time(closedAt) + duration(\"P1D\")), so a re-driven"
                  + " process keeps its deadline");
            }
          }
          for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
            checkMessage(file, task.getId(), task.getMessage());
          }
          for (ZeebeFormDefinition form : model.getModelElementsByType(ZeebeFormDefinition.class)) {
            String formId = form.getFormId();
            if (formId != null && !formId.startsWith("=") && !forms.contains(formId)) {
              violations.add(file + ": " + ownerOf(form) + " uses form id '" + formId + "' but no .form file has that id");
            }
          }
          for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            checkUrgency(file, task);
          }
          for (ZeebeCalledDecision decision : model.getModelElementsByType(ZeebeCalledDecision.class)) {
            String id = decision.getDecisionId();
            if (id != null && !id.startsWith("=") && !decisions.contains(id)) {
              violations.add(file + ": " + ownerOf(decision) + " calls decision '" + id + "' that no .dmn file defines");
            }
          }
          for (ZeebeCalledElement called : model.getModelElementsByType(ZeebeCalledElement.class)) {
            String id = called.getProcessId();
            if (id != null && !id.startsWith("=") && !processes.contains(id)) {
              violations.add(file + ": " + ownerOf(called) + " calls process '" + id + "' that no .bpmn file defines");
            }
          }
        });

    code.workers().values().stream()
        .filter(worker -> !usedJobTypes.contains(worker.jobType()))
        .forEach(worker -> violations.add(
            "job type '" + worker.jobType() + "' (" + worker.name() + ") is used in no BPMN file"));
    checkTemplates();
  }

  /** The priority must be written out: the model API reads Camunda's default 50 from an empty definition. */
  private void checkUrgency(String file, UserTask task) {
    ExtensionElements extensions = task.getExtensionElements();
    boolean priority =
        extensions != null
            && extensions.getChildElementsByType(ZeebePriorityDefinition.class).stream()
                .anyMatch(definition -> definition.getAttributeValue("priority") != null);
    boolean dueDate =
        extensions != null
            && extensions.getChildElementsByType(ZeebeTaskSchedule.class).stream()
                .anyMatch(schedule -> schedule.getDueDate() != null && !schedule.getDueDate().isBlank());
    if (!priority) {
      violations.add(file + ": " + task.getId() + " sets no priority (zeebe:priorityDefinition): inboxes cannot order it by urgency");
    }
    if (!dueDate) {
      violations.add(file + ": " + task.getId() + " sets no due date (zeebe:taskSchedule dueDate)");
    }
  }

  private void checkMessage(String file, String element, Message message) {
    String name = message == null ? null : message.getName();
    if (name == null || name.isBlank() || name.startsWith("=")) {
      violations.add(file + ": " + element + " waits for message '" + name + "': use a fixed message name");
    } else if (!code.publishedMessages().contains(name)) {
      violations.add(file + ": " + element + " waits for message '" + name + "' that no code publishes");
    }
  }

  private void checkTemplates() {
    Set<String> templated = new HashSet<>();
    for (Path file : files(".json")) {
      String name = relative(file);
      if (!name.startsWith(TEMPLATES_FOLDER + "/")) {
        continue;
      }
      JsonNode root = readJson(file);
      for (JsonNode template : root.isArray() ? root : List.of(root)) {
        String where = name + ": template '" + template.path("id").asText() + "'";
        if (!TEMPLATE_SCHEMA.equals(template.path("$schema").asText())) {
          violations.add(where + " must declare $schema " + TEMPLATE_SCHEMA);
        }
        String jobType = null;
        Set<String> inputs = new TreeSet<>();
        Set<String> headers = new TreeSet<>();
        for (JsonNode property : template.path("properties")) {
          JsonNode binding = property.path("binding");
          String bindingType = binding.path("type").asText();
          if (bindingType.equals("zeebe:taskDefinition") && binding.path("property").asText().equals("type")
              || bindingType.equals("zeebe:taskDefinition:type")) {
            jobType = property.path("value").asText(null);
            if (!"Hidden".equals(property.path("type").asText())) {
              violations.add(where + " must fix its job type (property type Hidden)");
            }
          } else if (bindingType.equals("zeebe:input")) {
            inputs.add(binding.path("name").asText());
          } else if (bindingType.equals("zeebe:taskHeader")) {
            headers.add(binding.path("key").asText());
          }
        }
        CodeFacts.Worker worker = jobType == null ? null : code.workers().get(jobType);
        if (jobType == null) {
          violations.add(where + " binds no job type (zeebe:taskDefinition, property type)");
        } else if (worker == null) {
          violations.add(where + " binds job type '" + jobType + "' that no @JobWorker handles");
        } else {
          templated.add(jobType);
          if (!worker.readsAllVariables()) {
            inputs.stream()
                .filter(input -> !worker.variables().contains(input))
                .forEach(input -> violations.add(
                    where + " maps input '" + input + "' that " + worker.name() + " does not read"));
          }
          if (!headers.isEmpty() && !worker.readsHeaders()) {
            violations.add(where + " sets headers " + headers + " but " + worker.name() + " reads no headers");
          }
        }
      }
    }
    code.workers().keySet().stream()
        .filter(jobType -> !templated.contains(jobType))
        .forEach(jobType -> violations.add(
            "job type '" + jobType + "' has no element template in " + TEMPLATES_FOLDER + "/"));
  }

  private Set<String> formIds() {
    Set<String> ids = new HashSet<>();
    for (Path file : files(".form")) {
      String id = readJson(file).path("id").asText(null);
      if (id == null) {
        violations.add(relative(file) + ": form has no id");
      } else if (!ids.add(id)) {
        violations.add(relative(file) + ": form id '" + id + "' is used by another .form file too");
      }
    }
    return ids;
  }

  private Set<String> decisionIds() {
    Set<String> ids = new HashSet<>();
    for (Path file : files(".dmn")) {
      try {
        Matcher decision = DMN_DECISION.matcher(Files.readString(file));
        while (decision.find()) {
          ids.add(decision.group(1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ids;
  }

  private static String ownerOf(ModelElementInstance extension) {
    ModelElementInstance element = extension;
    while (element != null && !(element instanceof BaseElement base && base.getId() != null)) {
      element = element.getParentElement();
    }
    return element == null ? "?" : ((BaseElement) element).getId();
  }

  private List<Path> files(String extension) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  private String relative(Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
