package org.lifeline.orchestrator.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The in-memory engine creates Camunda user tasks ({@code zeebe:userTask}) but can only complete
 * them through the REST API it does not have. Without that marker a user task is a job of type
 * {@value #JOB_TYPE} (assignee, candidate groups, form and due date as headers) that a job worker serves and
 * completes. Process owners keep one set of models; the embedded mode deploys them adapted.
 *
 * <p>A job-worker user task has no priority: the engine ignores {@code zeebe:priorityDefinition} there. The adaptation
 * turns it into an input mapping of the task's local variable {@value #PRIORITY_VARIABLE}, evaluated by the engine
 * when the task starts, exactly as a Camunda user task's priority is.
 */
public final class UserTaskAdaptation {

  /** The job type of a job-worker user task. */
  public static final String JOB_TYPE = "io.camunda.zeebe:userTask";

  /** The local variable of an adapted user task that carries its priority (0-100). */
  public static final String PRIORITY_VARIABLE = "taskPriority";

  /** The header of a job-worker user task that carries its due date (from {@code zeebe:taskSchedule}). */
  public static final String DUE_DATE_HEADER = "io.camunda.zeebe:dueDate";

  /** A user task's priority when its model sets none (Camunda's default). */
  public static final int DEFAULT_PRIORITY = 50;

  private UserTaskAdaptation() {}

  /** The model with every Camunda user task turned into a job-worker user task. */
  public static byte[] toJobWorkerUserTasks(byte[] bpmnXml) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml));
    if (!adapt(model)) {
      return bpmnXml;
    }
    ByteArrayOutputStream adapted = new ByteArrayOutputStream(bpmnXml.length);
    Bpmn.writeModelToStream(adapted, model);
    return adapted.toByteArray();
  }

  /**
   * Adapts the model in place.
   *
   * @return whether any user task was changed
   */
  public static boolean adapt(BpmnModelInstance model) {
    boolean changed = false;
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      ExtensionElements extensions = task.getExtensionElements();
      if (extensions == null) {
        continue;
      }
      List<ZeebeUserTask> markers = extensions.getChildElementsByType(ZeebeUserTask.class).stream().toList();
      for (ZeebeUserTask marker : markers) {
        extensions.removeChildElement(marker);
        changed = true;
      }
      if (!markers.isEmpty()) {
        carryPriority(model, extensions);
      }
    }
    return changed;
  }

  private static void carryPriority(BpmnModelInstance model, ExtensionElements extensions) {
    List<ZeebePriorityDefinition> definitions =
        extensions.getChildElementsByType(ZeebePriorityDefinition.class).stream().toList();
    for (ZeebePriorityDefinition definition : definitions) {
      String priority = definition.getPriority();
      extensions.removeChildElement(definition);
      if (priority == null || priority.isBlank()) {
        continue;
      }
      ZeebeIoMapping mapping =
          extensions.getChildElementsByType(ZeebeIoMapping.class).stream()
              .findFirst()
              .orElseGet(() -> extensions.addExtensionElement(ZeebeIoMapping.class));
      ZeebeInput input = model.newInstance(ZeebeInput.class);
      input.setSource(priority.startsWith("=") ? priority : "=" + priority.strip());
      input.setTarget(PRIORITY_VARIABLE);
      mapping.insertElementAfter(input, null);
    }
  }
}
