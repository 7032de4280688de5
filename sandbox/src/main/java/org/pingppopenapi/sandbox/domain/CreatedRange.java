package org.pingppopenapi.sandbox.domain;

import java.util.function.Predicate;

/** The {@code created[gt|gte|lt|lte]} filters of a list request; null bounds are not set. */
public record CreatedRange(Long gt, Long gte, Long lt, Long lte) implements Predicate<Listed> {

    public static final CreatedRange ANY = new CreatedRange(null, null, null, null);

    public boolean isUnbounded() {
        return gt == null && gte == null && lt == null && lte == null;
    }

    @Override
    public boolean test(Listed object) {
        long created = object.created();
        return (gt == null || created > gt)
                && (gte == null || created >= gte)
                && (lt == null || created < lt)
                && (lte == null || created <= lte);
    }
}
