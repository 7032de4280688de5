package org.pingppopenapi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, which, unlike throughput, does not change when other processes take the machine's cores
 * away: {@code cpu.worker} counts the benchmark threads only, {@code cpu.process} the whole JVM (garbage collection
 * and compilation included). Use: {@code -prof org.pingppopenapi.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final String WORKER_THREAD = "jmh-worker";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long workerStart;
    private long processStart;

    @Override
    public String getDescription() {
        return "CPU time per operation, of the benchmark threads and of the whole JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerStart = workerCpuTime();
        processStart = system.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        if (ops == 0) {
            return List.of();
        }
        double worker = (double) (workerCpuTime() - workerStart) / ops;
        double process = (double) (system.getProcessCpuTime() - processStart) / ops;
        return List.of(new ScalarResult("cpu.worker", worker, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", process, "ns/op", AggregationPolicy.AVG));
    }

    /** The CPU time of the benchmark threads; they live across iterations, so differences are meaningful. */
    private long workerCpuTime() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER_THREAD)) {
                long time = threads.getThreadCpuTime(info.getThreadId());
                if (time > 0) {
                    total += time;
                }
            }
        }
        return total;
    }
}
