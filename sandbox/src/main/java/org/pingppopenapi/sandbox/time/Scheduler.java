package org.pingppopenapi.sandbox.time;

import java.time.Duration;

/**
 * Runs tasks later: the sandbox schedules webhook deliveries and their retries with it. The production
 * implementation waits in real time ({@link RealTimeScheduler}); {@link VirtualTime} runs tasks when a test moves
 * its clock, so a 25-hour retry schedule takes no time at all.
 */
public interface Scheduler extends AutoCloseable {

    /** Runs {@code task} once, {@code delay} from now (by the scheduler's clock). */
    void schedule(Duration delay, Runnable task);

    /** Drops the tasks that have not run yet and stops accepting new ones. */
    @Override
    void close();
}
