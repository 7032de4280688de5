package org.pingppopenapi.prism.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last {@code capacity} lines of a log; thread-safe. */
public final class LogRing {

    private final int capacity;
    private final Deque<String> lines;

    public LogRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
    }

    public synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** Oldest first. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The newest {@code count} lines, oldest first. */
    public synchronized List<String> last(int count) {
        List<String> all = new ArrayList<>(lines);
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }
}
