package org.lifeline.orchestrator.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the used heap every 50 ms (peak) and counts the garbage collections of one scenario. */
final class HeapSampler implements AutoCloseable {

  record Heap(long peakBytes, long gcCount, long gcMillis) {

    @Override
    public String toString() {
      return String.format("peak heap used %d MiB, %d GCs taking %d ms", peakBytes >> 20, gcCount, gcMillis);
    }
  }

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "heap-sampler");
            thread.setDaemon(true);
            return thread;
          });
  private final long gcCountAtStart = gcCount();
  private final long gcMillisAtStart = gcMillis();

  HeapSampler() {
    sampler.scheduleAtFixedRate(
        () -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 50, TimeUnit.MILLISECONDS);
  }

  Heap heap() {
    return new Heap(peak.get(), gcCount() - gcCountAtStart, gcMillis() - gcMillisAtStart);
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
