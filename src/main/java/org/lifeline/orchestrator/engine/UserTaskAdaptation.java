package org.lifeline.orchestrator.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The in-memory engine creates Camunda user tasks ({@code zeebe:userTask}) but can only complete
 * them through the REST API it does not have. Without that marker a user task is a job of type
 * {@value #JOB_TYPE} (assignee, candidate groups and form as headers) that a job worker serves and
 * completes. Process owners keep one set of models; the embedded mode deploys them adapted.
 */
public final class UserTaskAdaptation {

  /** The job type of a job-worker user task. */
  public static final String JOB_TYPE = "io.camunda.zeebe:userTask";

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
    }
    return changed;
  }
}
