package org.pingppopenapi.sandbox.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

/**
 * A closed-loop load generator: {@code connections} threads, each with its own kept-alive connection, send
 * requests back to back for a fixed time, recording every latency. Bounded: at most one request in flight per
 * connection, so the server is measured at the load it sustains, not queued into the ground.
 */
final class LoadGenerator {

    /** The outcome of one run. */
    record Result(String target, String scenario, long requests, long failures, double seconds, long[] sortedLatencyNanos) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            if (sortedLatencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sortedLatencyNanos.length) - 1;
            return sortedLatencyNanos[Math.max(0, Math.min(index, sortedLatencyNanos.length - 1))] / 1e6;
        }
    }

    private LoadGenerator() {
    }

    /** Runs {@code requestNumber -> request bytes} against {@code server} for {@code duration}, recording nothing. */
    static void warmUp(URI server, LongFunction<byte[]> requests, int expectedStatus, int connections, Duration duration)
            throws InterruptedException {
        drive(server, requests, expectedStatus, connections, duration, 0);
    }

    /**
     * Runs {@code requestNumber -> request bytes} against {@code server} for {@code duration}, numbering requests from
     * {@code firstRequestNumber} (give each run of a server its own range). A request counts as failed unless
     * answered {@code expectedStatus}.
     */
    static Result measure(String target, String scenario, URI server, LongFunction<byte[]> requests, int expectedStatus,
            int connections, Duration duration, long firstRequestNumber) throws InterruptedException {
        return drive(server, requests, expectedStatus, connections, duration, firstRequestNumber).named(target, scenario);
    }

    private static Measured drive(URI server, LongFunction<byte[]> requests, int expectedStatus, int connections,
            Duration duration, long firstRequestNumber) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(connections);
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[connections];
        long[] failures = new long[connections];
        int[] recorded = new int[connections];
        for (int i = 0; i < connections; i++) {
            latencies.add(new long[1 << 20]);
        }
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            int worker = i;
            Thread thread = new Thread(() -> {
                long[] mine = latencies.get(worker);
                long number = firstRequestNumber + ((long) worker << 32);
                try (KeepAliveConnection connection = new KeepAliveConnection(server)) {
                    while (running.get()) {
                        byte[] request = requests.apply(number++);
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = connection.exchange(request);
                        } catch (Exception e) {
                            status = -1;
                        }
                        long took = System.nanoTime() - sent;
                        counts[worker]++;
                        if (status != expectedStatus) {
                            failures[worker]++;
                        }
                        if (recorded[worker] < mine.length) {
                            mine[recorded[worker]++] = took;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long failed = Arrays.stream(failures).sum();
        long[] all = new long[Arrays.stream(recorded).sum()];
        int at = 0;
        for (int i = 0; i < connections; i++) {
            System.arraycopy(latencies.get(i), 0, all, at, recorded[i]);
            at += recorded[i];
        }
        Arrays.sort(all);
        return new Measured(total, failed, seconds, all);
    }

    private record Measured(long requests, long failures, double seconds, long[] sortedLatencyNanos) {

        Result named(String target, String scenario) {
            return new Result(target, scenario, requests, failures, seconds, sortedLatencyNanos);
        }
    }
}
