package org.pingppopenapi.sandbox.domain;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The objects of one kind in one account, by id and newest first. Thread-safe; objects are only ever added
 * (deleted sub-apps stay, marked deleted, as their ids must not come back).
 */
public final class Timeline<T extends Listed> {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final ConcurrentMap<String, T> byId = new ConcurrentHashMap<>();
    private final ConcurrentNavigableMap<Position, T> newestFirst = new ConcurrentSkipListMap<>();

    /** The position for an object created now. */
    public static Position next(long created) {
        return new Position(created, SEQUENCE.incrementAndGet());
    }

    /** Stores the object; false when its id is taken (the caller makes a new id). */
    public boolean add(T object) {
        if (byId.putIfAbsent(object.id(), object) != null) {
            return false;
        }
        newestFirst.put(object.position(), object);
        return true;
    }

    public Optional<T> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** Every object, newest first. */
    public Stream<T> newestFirst() {
        return newestFirst.values().stream();
    }

    /** The objects older than the one at {@code position}, newest first. */
    public Stream<T> olderThan(Position position) {
        return newestFirst.tailMap(position, false).values().stream();
    }

    /** The objects newer than the one at {@code position}, oldest first (nearest to it first). */
    public Stream<T> newerThan(Position position) {
        return newestFirst.headMap(position, false).descendingMap().values().stream();
    }

    public int size() {
        return byId.size();
    }
}
