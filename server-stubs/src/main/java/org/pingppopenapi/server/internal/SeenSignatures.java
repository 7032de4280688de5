package org.pingppopenapi.server.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * The request signatures accepted within the timestamp window, so that the same signed request is accepted once. A
 * signature is remembered until its timestamp leaves the window: after that the timestamp check refuses it anyway.
 * Bounded: at most {@code capacity} signatures, kept as 128 bits of their SHA-256 (about 100 bytes each with the
 * map's overhead). Thread-safe.
 */
final class SeenSignatures {

    /** What {@link #firstUse} found. */
    enum Outcome {
        /** Not seen within the window: now remembered. */
        FIRST_USE,
        /** Seen before within the window: a replay. */
        REPLAY,
        /** {@code capacity} signatures are live within the window; this one cannot be remembered, so it is refused. */
        FULL
    }

    private final int capacity;
    private final long windowSeconds;
    /** The signatures by their digest, with the second from which their timestamp is outside the window. */
    private final Map<Digest, Long> expiries = new HashMap<>();

    SeenSignatures(int capacity, long windowSeconds) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The signature cache needs room for at least 1 signature, not " + capacity);
        }
        this.capacity = capacity;
        this.windowSeconds = windowSeconds;
    }

    /** Remembers a verified signature whose timestamp is {@code timestamp}, if it was not seen before. */
    synchronized Outcome firstUse(String signature, long timestamp, long now) {
        Digest digest = Digest.of(signature);
        Long expiry = expiries.get(digest);
        if (expiry != null && expiry > now) {
            return Outcome.REPLAY;
        }
        if (expiry == null && expiries.size() >= capacity) {
            expiries.values().removeIf(expires -> expires <= now);
            if (expiries.size() >= capacity) {
                return Outcome.FULL;
            }
        }
        expiries.put(digest, timestamp + windowSeconds + 1);
        return Outcome.FIRST_USE;
    }

    synchronized int size() {
        return expiries.size();
    }

    /** 128 bits of the SHA-256 of a signature: collisions are out of reach, and it costs 16 bytes, not 344 chars. */
    private record Digest(long high, long low) {

        static Digest of(String signature) {
            try {
                ByteBuffer hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                        .digest(signature.getBytes(StandardCharsets.US_ASCII)));
                return new Digest(hash.getLong(), hash.getLong());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java platform provides SHA-256", e);
            }
        }
    }
}
