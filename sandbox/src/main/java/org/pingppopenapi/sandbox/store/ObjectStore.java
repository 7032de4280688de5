package org.pingppopenapi.sandbox.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.pingppopenapi.sandbox.domain.Timeline;

/**
 * The objects of one account that the generic store keeps, by collection: the unnamed path template of the
 * collection ({@code /v1/apps/{}/users}) and the values of its parameters ({@code [app_1Gqj58ynP0mHeX1q]}), so the
 * users of two apps are two collections. Thread-safe.
 */
public final class ObjectStore {

    private final ConcurrentMap<Collection, Timeline<StoredObject>> collections = new ConcurrentHashMap<>();

    /** The collection at {@code template} with these parameter values, made on first use. */
    public Timeline<StoredObject> collection(String template, List<String> scope) {
        return collections.computeIfAbsent(new Collection(template, List.copyOf(scope)), key -> new Timeline<>());
    }

    /** The collection if it has ever held an object. */
    public Optional<Timeline<StoredObject>> existing(String template, List<String> scope) {
        return Optional.ofNullable(collections.get(new Collection(template, List.copyOf(scope))));
    }

    /** The object {@code id} of a collection. */
    public Optional<StoredObject> find(String template, List<String> scope, String id) {
        return existing(template, scope).flatMap(objects -> objects.find(id));
    }

    private record Collection(String template, List<String> scope) {
    }
}
