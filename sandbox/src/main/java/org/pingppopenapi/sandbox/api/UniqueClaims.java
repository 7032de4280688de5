package org.pingppopenapi.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.store.ObjectStore;

/**
 * The values a new object must hold alone in its account ({@code order_no} within an app), claimed before the object
 * is made, so that two concurrent requests cannot both take one, and given back when the object is not made after
 * all.
 */
final class UniqueClaims {

    private static final String CLAIMING = "claiming:";

    private final ObjectStore objects;
    private final String token = CLAIMING + UUID.randomUUID();
    private final List<List<String>> claimed = new ArrayList<>();

    UniqueClaims(ObjectStore objects) {
        this.objects = objects;
    }

    /**
     * Claims {@code key}; when another object holds it, gives back what this instance claimed and refuses with a 400
     * naming {@code param}: "{@code what} is already used by ...".
     */
    List<String> claim(String param, String what, List<String> key) {
        return claim(key, holder -> Errors.invalid(param, what + " is already used"
                + (holder.startsWith(CLAIMING) ? "" : " by " + holder) + "."));
    }

    /** Claims {@code key}; when another object holds it, gives back what this instance claimed and throws the refusal. */
    List<String> claim(List<String> key, Function<String, RuntimeException> refusal) {
        List<String> value = List.copyOf(key);
        String holder = objects.claim(value, token);
        if (holder != null) {
            releaseAll();
            throw refusal.apply(holder);
        }
        claimed.add(value);
        return value;
    }

    /** The object {@code id} was made and holds {@code value}. */
    void heldBy(List<String> value, String id) {
        objects.confirm(value, token, id);
    }

    /** Every claim of this instance not yet held by an object is given back. */
    void releaseAll() {
        claimed.forEach(value -> objects.release(value, token));
        claimed.clear();
    }
}
