package org.pingppopenapi.sandbox.domain;

import java.util.Comparator;

/**
 * Where an object stands in its lists: newest first, by creation time and then by the order the sandbox stored
 * objects created in the same second.
 */
public record Position(long created, long sequence) implements Comparable<Position> {

    private static final Comparator<Position> NEWEST_FIRST = Comparator.comparingLong(Position::created)
            .thenComparingLong(Position::sequence)
            .reversed();

    @Override
    public int compareTo(Position other) {
        return NEWEST_FIRST.compare(this, other);
    }
}
