package org.lifeline.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.lifeline.orchestrator.request.HelpRequestProcess;

/**
 * A worker that crashes after doing its work but before the engine hears of it. While a crash is armed, the
 * completion of the first activation of a matching job never leaves the client (as if the process had died there),
 * so the engine keeps the job until its timeout runs out and then hands it out again; later completions of that job
 * go through. The Camunda starter gives every {@link ClientInterceptor} bean to the client's gRPC channel; unarmed,
 * this one only passes calls on.
 */
public final class WorkerCrashes implements ClientInterceptor {

  private final ObjectMapper json = new ObjectMapper();
  private volatile Crash armed;

  /**
   * Arms a crash for the next job of this type whose request the predicate accepts.
   *
   * @return the crash, whose {@link Crash#lostJob()} completes with the key of the job whose completion was lost
   */
  public Crash afterWork(String jobType, Predicate<UUID> ofRequest) {
    Crash crash = new Crash(jobType, ofRequest);
    armed = crash;
    return crash;
  }

  public void disarm() {
    armed = null;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    // Long polls and job streams outlive an arming: whether a crash is armed is asked when a message passes,
    // not when a call opens.
    String name = method.getFullMethodName();
    if (name.equals(GatewayGrpc.getActivateJobsMethod().getFullMethodName())
        || name.equals(GatewayGrpc.getStreamActivatedJobsMethod().getFullMethodName())) {
      return countingActivations(next.newCall(method, options));
    }
    if (name.equals(GatewayGrpc.getCompleteJobMethod().getFullMethodName())) {
      return losingCompletion(next.newCall(method, options));
    }
    return next.newCall(method, options);
  }

  private <Q, R> ClientCall<Q, R> countingActivations(ClientCall<Q, R> call) {
    return new SimpleForwardingClientCall<>(call) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(
            new SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onMessage(R message) {
                // Counted before the jobs reach the worker, so a completion never overtakes its activation.
                Crash crash = armed;
                if (crash != null && message instanceof ActivateJobsResponse polled) {
                  polled.getJobsList().forEach(job -> crash.activated(job, requestIdOf(job)));
                } else if (crash != null && message instanceof ActivatedJob pushed) {
                  crash.activated(pushed, requestIdOf(pushed));
                }
                super.onMessage(message);
              }
            },
            headers);
      }
    };
  }

  private <Q, R> ClientCall<Q, R> losingCompletion(ClientCall<Q, R> call) {
    return new SimpleForwardingClientCall<>(call) {
      private boolean lost;

      @Override
      public void sendMessage(Q message) {
        Crash crash = armed;
        if (crash != null && message instanceof CompleteJobRequest completion && crash.loses(completion.getJobKey())) {
          lost = true;
          cancel("the worker crashed before completing the job", null);
          return;
        }
        super.sendMessage(message);
      }

      @Override
      public void halfClose() {
        if (!lost) {
          super.halfClose();
        }
      }
    };
  }

  private Optional<UUID> requestIdOf(ActivatedJob job) {
    try {
      JsonNode requestId = json.readTree(job.getVariables()).path(HelpRequestProcess.Variables.REQUEST_ID);
      return requestId.isTextual() ? Optional.of(UUID.fromString(requestId.asText())) : Optional.empty();
    } catch (IOException | IllegalArgumentException notARequest) {
      return Optional.empty();
    }
  }

  /** One armed crash: it loses the completion of one job, the first that matches. */
  public static final class Crash {

    private final String jobType;
    private final Predicate<UUID> ofRequest;
    private final Map<Long, Integer> activations = new ConcurrentHashMap<>();
    private final Map<Long, UUID> requestIds = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> lostJob = new CompletableFuture<>();

    private Crash(String jobType, Predicate<UUID> ofRequest) {
      this.jobType = jobType;
      this.ofRequest = ofRequest;
    }

    /** The key of the job whose completion was lost. */
    public CompletableFuture<Long> lostJob() {
      return lostJob;
    }

    private void activated(ActivatedJob job, Optional<UUID> requestId) {
      if (job.getType().equals(jobType)) {
        activations.merge(job.getKey(), 1, Integer::sum);
        requestId.ifPresent(id -> requestIds.put(job.getKey(), id));
      }
    }

    /** Only completions of the first activation are lost; the redelivered job completes normally. */
    private synchronized boolean loses(long jobKey) {
      if (activations.getOrDefault(jobKey, 0) != 1) {
        return false;
      }
      if (lostJob.isDone()) {
        return lostJob.join() == jobKey;
      }
      UUID requestId = requestIds.get(jobKey);
      if (requestId == null || !ofRequest.test(requestId)) {
        return false;
      }
      lostJob.complete(jobKey);
      return true;
    }
  }
}
