package org.pingppopenapi.sandbox.time;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs tasks on a small pool of daemon threads, after real delays. */
public final class RealTimeScheduler implements Scheduler {

    private static final System.Logger LOG = System.getLogger(RealTimeScheduler.class.getName());

    private final ScheduledThreadPoolExecutor executor;

    public RealTimeScheduler(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(threads, task -> {
            Thread thread = new Thread(task, "sandbox-webhooks-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        try {
            executor.schedule(() -> runLogged(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.log(System.Logger.Level.DEBUG, "Scheduler closed; task dropped");
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "A scheduled task failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
