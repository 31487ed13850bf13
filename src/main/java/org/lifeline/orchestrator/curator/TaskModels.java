package org.lifeline.orchestrator.curator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeline.orchestrator.engine.ProcessModelDeployer;
import org.lifeline.orchestrator.engine.ProcessModelDeployer.ModelResource;
import org.springframework.stereotype.Component;

/**
 * What the process owners' folder says about user tasks: each task's name and linked form, and
 * the forms' schemas ({@code bpmn/forms/*.form}, by form id). Read once from the same files that
 * are deployed, so both backends describe a task the same way.
 */
@Component
class TaskModels {

  /** A variable a form text shows: {@code {{name}}} or the root of {@code {{name.field}}}. */
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

  private final Map<String, UserTaskDefinition> tasks = new HashMap<>();
  private final Map<String, JsonNode> forms = new HashMap<>();
  private final Map<String, Set<String>> formInputs = new HashMap<>();

  TaskModels(ProcessModelDeployer deployer, ObjectMapper json) {
    for (ModelResource model : deployer.modelResources()) {
      if (model.name().endsWith(".bpmn")) {
        readUserTasks(model.content());
      } else if (model.name().endsWith(".form")) {
        readForm(model, json);
      }
    }
  }

  Optional<UserTaskDefinition> task(String processId, String elementId) {
    return Optional.ofNullable(tasks.get(processId + "/" + elementId));
  }

  Optional<JsonNode> form(String formId) {
    return formId == null ? Optional.empty() : Optional.ofNullable(forms.get(formId));
  }

  /**
   * The process variables a form shows: the option lists of its fields ({@code valuesKey}) and the variables its
   * texts name ({@code {{proposedSpecialistLabel}}}). Tasklist hands a form every variable; the console hands it these.
   */
  Set<String> formInputs(String formId) {
    return formId == null ? Set.of() : formInputs.getOrDefault(formId, Set.of());
  }

  List<UserTaskDefinition> allUserTasks() {
    return List.copyOf(tasks.values());
  }

  private void readUserTasks(byte[] bpmnXml) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml));
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String processId = owningProcess(task);
      String formId =
          task.getExtensionElements() == null
              ? null
              : task.getExtensionElements().getChildElementsByType(ZeebeFormDefinition.class).stream()
                  .map(ZeebeFormDefinition::getFormId)
                  .filter(id -> id != null && !id.isBlank())
                  .findFirst()
                  .orElse(null);
      tasks.put(processId + "/" + task.getId(), new UserTaskDefinition(processId, task.getId(), task.getName(), formId));
    }
  }

  private static String owningProcess(UserTask task) {
    var parent = task.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    if (parent == null) {
      throw new IllegalStateException("User task " + task.getId() + " is not inside a process");
    }
    return ((Process) parent).getId();
  }

  private void readForm(ModelResource model, ObjectMapper json) {
    try {
      JsonNode schema = json.readTree(model.content());
      String id = schema.path("id").asText(null);
      if (id == null) {
        throw new IllegalStateException("Form " + model.name() + " has no id");
      }
      forms.put(id, schema);
      Set<String> inputs = new TreeSet<>();
      collectInputs(schema.path("components"), inputs);
      formInputs.put(id, Set.copyOf(inputs));
    } catch (IOException e) {
      throw new UncheckedIOException("Form " + model.name() + " is not valid JSON", e);
    }
  }

  private static void collectInputs(JsonNode components, Set<String> inputs) {
    for (JsonNode component : components) {
      if (component.hasNonNull("valuesKey")) {
        inputs.add(component.path("valuesKey").asText());
      }
      String text = component.path("text").asText("");
      if (!text.startsWith("=")) {
        Matcher variable = TEMPLATE_VARIABLE.matcher(text);
        while (variable.find()) {
          inputs.add(variable.group(1));
        }
      }
      collectInputs(component.path("components"), inputs);
    }
  }

  /** A user task as modelled: where it is, its name and its linked form. */
  record UserTaskDefinition(String processId, String elementId, String name, String formId) {}
}
