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
    private final ConcurrentMap<List<String>, String> claims = new ConcurrentHashMap<>();

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

    /**
     * Claims a value that must be unique (an {@code order_no} within its app) for {@code holder}, atomically:
     * returns the holder that claimed it first, or null when the claim is new.
     */
    public String claim(List<String> uniqueValue, String holder) {
        return claims.putIfAbsent(List.copyOf(uniqueValue), holder);
    }

    /** Names the holder of a claim once the object that made it exists (its id, for error messages and look-ups). */
    public void confirm(List<String> uniqueValue, String claimedAs, String holder) {
        claims.replace(List.copyOf(uniqueValue), claimedAs, holder);
    }

    /** The holder of a claim, if the value was claimed. */
    public Optional<String> holder(List<String> uniqueValue) {
        return Optional.ofNullable(claims.get(List.copyOf(uniqueValue)));
    }

    /** Gives back a claim, when the object that made it was not made after all. */
    public void release(List<String> uniqueValue, String holder) {
        claims.remove(List.copyOf(uniqueValue), holder);
    }

    private record Collection(String template, List<String> scope) {
    }
}
