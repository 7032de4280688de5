package org.pingppopenapi.sandbox.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The objects of one kind in one account (or of one charge or order), by id and newest first. Thread-safe. The books
 * of the sandbox only ever add objects (deleted sub-apps stay, marked deleted, as their ids must not come back); the
 * generic store removes what is deleted, and the event log forgets its oldest events. Its maps are made with its
 * first object: most charges are never refunded, and an empty timeline then costs one small object.
 */
public final class Timeline<T extends Listed> {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private volatile Index<T> index;

    /** The position for an object created now. */
    public static Position next(long created) {
        return new Position(created, SEQUENCE.incrementAndGet());
    }

    /** Stores the object; false when its id is taken (the caller makes a new id). */
    public boolean add(T object) {
        Index<T> objects = index();
        if (objects.byId.putIfAbsent(object.id(), object) != null) {
            return false;
        }
        objects.newestFirst.put(object.position(), object);
        return true;
    }

    /** Removes the object with this id; false when there is none. */
    public boolean remove(String id) {
        Index<T> objects = index;
        T removed = id == null || objects == null ? null : objects.byId.remove(id);
        if (removed == null) {
            return false;
        }
        objects.newestFirst.remove(removed.position());
        return true;
    }

    /** Removes the oldest objects until at most {@code size} are left. */
    public void forgetOldestBeyond(int size) {
        Index<T> objects = index;
        if (objects == null) {
            return;
        }
        while (objects.byId.size() > size) {
            Map.Entry<Position, T> oldest = objects.newestFirst.pollLastEntry();
            if (oldest == null) {
                return;
            }
            objects.byId.remove(oldest.getValue().id(), oldest.getValue());
        }
    }

    public Optional<T> find(String id) {
        Index<T> objects = index;
        return id == null || objects == null ? Optional.empty() : Optional.ofNullable(objects.byId.get(id));
    }

    /** Every object, newest first. */
    public Stream<T> newestFirst() {
        Index<T> objects = index;
        return objects == null ? Stream.empty() : objects.newestFirst.values().stream();
    }

    /** The objects older than the one at {@code position}, newest first. */
    public Stream<T> olderThan(Position position) {
        Index<T> objects = index;
        return objects == null ? Stream.empty() : objects.newestFirst.tailMap(position, false).values().stream();
    }

    /** The objects newer than the one at {@code position}, oldest first (nearest to it first). */
    public Stream<T> newerThan(Position position) {
        Index<T> objects = index;
        return objects == null ? Stream.empty() : objects.newestFirst.headMap(position, false).descendingMap().values().stream();
    }

    public int size() {
        Index<T> objects = index;
        return objects == null ? 0 : objects.byId.size();
    }

    private Index<T> index() {
        Index<T> objects = index;
        if (objects == null) {
            synchronized (this) {
                objects = index;
                if (objects == null) {
                    objects = new Index<>();
                    index = objects;
                }
            }
        }
        return objects;
    }

    private static final class Index<T> {

        final ConcurrentMap<String, T> byId = new ConcurrentHashMap<>();
        final ConcurrentNavigableMap<Position, T> newestFirst = new ConcurrentSkipListMap<>();
    }
}
