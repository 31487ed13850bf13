package org.lifeline.orchestrator.engine;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.DecisionEvaluationRecordValue;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageSubscriptionRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessEventRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated;
import io.camunda.zeebe.protocol.record.value.ProcessMessageSubscriptionRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine records one request made the engine write, picked out of the whole record stream of a shared engine:
 * records of the request's process instances, messages with its correlation key, job batches that carried one of its
 * jobs, and the commands these records answer (a command often names no instance yet, e.g. a job completion).
 * Polls that activated nothing are nobody's work and are left out.
 */
public final class RequestRecords {

  private final List<Record<?>> records;

  private RequestRecords(List<Record<?>> records) {
    this.records = records;
  }

  public static RequestRecords of(Iterable<Record<?>> stream, Set<Long> processInstanceKeys, String correlationKey) {
    List<Record<?>> all = new ArrayList<>();
    stream.forEach(all::add);
    Set<Long> sources = new HashSet<>();
    Set<Long> direct = new HashSet<>();
    for (Record<?> record : all) {
      if (belongs(record, processInstanceKeys, correlationKey)) {
        direct.add(record.getPosition());
        sources.add(record.getSourceRecordPosition());
      }
    }
    List<Record<?>> mine = new ArrayList<>();
    for (Record<?> record : all) {
      if (direct.contains(record.getPosition())
          || (record.getRecordType() == RecordType.COMMAND && sources.contains(record.getPosition()))) {
        mine.add(record);
      }
    }
    return new RequestRecords(mine);
  }

  private static boolean belongs(Record<?> record, Set<Long> processInstanceKeys, String correlationKey) {
    Object value = record.getValue();
    if (value instanceof JobBatchRecordValue batch) {
      return batch.getJobs().stream().anyMatch(job -> processInstanceKeys.contains(job.getProcessInstanceKey()));
    }
    if (value instanceof MessageRecordValue message) {
      return correlationKey.equals(message.getCorrelationKey());
    }
    if (value instanceof DecisionEvaluationRecordValue decision) {
      return processInstanceKeys.contains(decision.getProcessInstanceKey());
    }
    return value instanceof ProcessInstanceRelated related && processInstanceKeys.contains(related.getProcessInstanceKey());
  }

  /** How many records, in all. */
  public int count() {
    return records.size();
  }

  /** The records written up to and including the completion of this element (in any of the instances). */
  public RequestRecords untilCompleted(String elementId) {
    List<Record<?>> until = new ArrayList<>();
    for (Record<?> record : records) {
      until.add(record);
      if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && record.getValue() instanceof ProcessInstanceRecordValue element
          && element.getElementId().equals(elementId)) {
        return new RequestRecords(until);
      }
    }
    throw new IllegalStateException(elementId + " did not complete");
  }

  /** Counts by value type, in the order of the type names. */
  public Map<ValueType, Integer> byValueType() {
    Map<ValueType, Integer> counts = new TreeMap<>();
    records.forEach(record -> counts.merge(record.getValueType(), 1, Integer::sum));
    return counts;
  }

  /** Writes one line per record (position, type, value type, intent, element or name) to read where the work goes. */
  public void writeTo(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Record<?> record : records) {
      lines.add(record.getPosition() + " " + record.getRecordType() + " " + record.getValueType() + " "
          + record.getIntent() + " " + subject(record.getValue()));
    }
    Files.write(file, lines);
  }

  private static String subject(Object value) {
    return switch (value) {
      case ProcessInstanceRecordValue element -> element.getElementId() + " " + element.getBpmnElementType();
      case ProcessMessageSubscriptionRecordValue subscription -> subscription.getMessageName() + " " + subscription.getElementId();
      case MessageSubscriptionRecordValue subscription -> subscription.getMessageName();
      case MessageRecordValue message -> message.getName();
      case TimerRecordValue timer -> timer.getTargetElementId();
      case JobRecordValue job -> job.getType() + " " + job.getElementId();
      case VariableRecordValue variable -> variable.getName();
      case ProcessEventRecordValue event -> event.getTargetElementId();
      default -> "";
    };
  }

  @Override
  public String toString() {
    return count() + " " + byValueType();
  }
}
