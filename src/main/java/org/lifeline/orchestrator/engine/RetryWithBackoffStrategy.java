package org.lifeline.orchestrator.engine;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A technical failure in a worker (database briefly down, channel timeout) fails the job with one
 * retry less and an exponential backoff, instead of burning all retries within milliseconds; when
 * retries run out the engine raises an incident. Business outcomes stay BPMN errors. The same holds for the jobs of
 * adapted user tasks, whose single retry is counted as the usual number ({@link #afterFailure}).
 */
@Component
class RetryWithBackoffStrategy implements JobExceptionHandlingStrategy {

  private static final int USUAL_RETRIES = 5;
  private static final Logger log = LoggerFactory.getLogger(RetryWithBackoffStrategy.class);

  private final DefaultJobExceptionHandlingStrategy delegate;
  private final Duration firstBackoff;
  private final Duration maxBackoff;

  RetryWithBackoffStrategy(
      CommandExceptionHandlingStrategy commands,
      MetricsRecorder metrics,
      @Value("${lifeline.jobs.first-backoff:2s}") Duration firstBackoff,
      @Value("${lifeline.jobs.max-backoff:5m}") Duration maxBackoff) {
    this.delegate = new DefaultJobExceptionHandlingStrategy(commands, metrics);
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
    if (exception instanceof JobError || exception instanceof BpmnError) {
      delegate.handleException(exception, context);
      return;
    }
    ActivatedJob job = context.job();
    Retries retries = afterFailure(job.getType(), job.getRetries());
    int retriesLeft = retries.left();
    Duration backoff = backoffAfter(retriesLeft);
    Throwable cause = rootCause(exception);
    log.warn(
        "Job {} ({}) of process instance {} failed, {} retries left, next in {}: {}",
        job.getKey(),
        job.getType(),
        job.getProcessInstanceKey(),
        retriesLeft,
        backoff,
        cause.toString());
    delegate.handleException(
        CamundaError.jobError(cause.toString(), null, retries.given(), backoff, exception), context);
  }

  /**
   * The retries left after a failure, and the number to give the job back with. The engine creates job-worker user
   * tasks (the embedded adaptation of Camunda user tasks, {@link UserTaskAdaptation}) with exactly one retry, and a
   * model cannot ask for more: a passing database error while the inbox records such a task would make it an incident
   * at once, and the person's task (accept or decline a case, say) would be stranded. Their failures are counted from
   * the usual number instead. One retry means a task not failed yet; after a failure the job gets one more than it has
   * left, so that one never comes back: 5, 4, 3, 2, then 0 and the incident, after the usual five failures.
   */
  static Retries afterFailure(String jobType, int retries) {
    if (!UserTaskAdaptation.JOB_TYPE.equals(jobType)) {
      int left = Math.max(retries - 1, 0);
      return new Retries(left, left);
    }
    int left = Math.max((retries <= 1 ? USUAL_RETRIES : retries - 1) - 1, 0);
    return new Retries(left, left == 0 ? 0 : left + 1);
  }

  /**
   * @param left how many retries the job has left
   * @param given what the job is given back as its retries (differs from {@code left} for user tasks only)
   */
  record Retries(int left, int given) {}

  /**
   * The fewer retries are left, the longer the wait: with the usual 5 retries this gives 2s, 4s,
   * 8s, 16s (capped at the maximum) before the incident.
   */
  Duration backoffAfter(int retriesLeft) {
    if (retriesLeft == 0) {
      return Duration.ZERO;
    }
    Duration backoff = firstBackoff.multipliedBy(1L << Math.max(0, Math.min(USUAL_RETRIES - 1 - retriesLeft, 16)));
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
