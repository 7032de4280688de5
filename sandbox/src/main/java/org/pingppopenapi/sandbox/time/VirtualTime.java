package org.pingppopenapi.sandbox.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A clock that moves only when told to, and a scheduler whose tasks run as the clock passes their time. Hand the
 * same instance to the sandbox as its clock and its scheduler; then {@link #advance(Duration)} moves time forward
 * and runs every task that falls due on the way, each with the clock set to its own due time, on the calling
 * thread. Tasks scheduled with no delay run at the next {@link #runDueTasks()} or {@link #advance(Duration)}.
 *
 * <p>Thread-safe: requests on server threads may schedule tasks while a test advances time.
 */
public final class VirtualTime extends Clock implements Scheduler {

    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;
    private boolean closed;

    public VirtualTime(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (!closed) {
            Duration wait = delay.isNegative() ? Duration.ZERO : delay;
            queue.add(new Pending(now.plus(wait), sequence++, task));
        }
    }

    /** Moves the clock forward by {@code duration}, running the tasks that fall due on the way, in order. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Virtual time only moves forward: " + duration);
        }
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        runTasksUntil(target);
        synchronized (this) {
            if (now.isBefore(target)) {
                now = target;
            }
        }
    }

    /** Runs the tasks that are due now, including those they schedule without delay. */
    public void runDueTasks() {
        advance(Duration.ZERO);
    }

    /** How many tasks wait to run. */
    public synchronized int pendingTasks() {
        return queue.size();
    }

    /** The due time of the next task, if there is one. */
    public synchronized Optional<Instant> nextDueTime() {
        Pending next = queue.peek();
        return next == null ? Optional.empty() : Optional.of(next.due);
    }

    private void runTasksUntil(Instant target) {
        while (true) {
            Pending next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.isAfter(target)) {
                    return;
                }
                queue.poll();
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            next.task.run();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
    }

    private record Pending(Instant due, long sequence, Runnable task) implements Comparable<Pending> {

        @Override
        public int compareTo(Pending other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
