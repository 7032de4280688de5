package org.pingppopenapi.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pingppopenapi.server.internal.ApiKeyDigests;

/**
 * Decides which secret API keys the server accepts, and whose they are.
 *
 * <p>The authentication filter hands it the key of every request, taken from the HTTP Basic user name or
 * the Bearer token. Implement it to look keys up in a database, or use {@link #of(String...)} for a fixed set.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ApiKeyStore {

    /**
     * The account the key belongs to, or empty when the key is not accepted.
     *
     * @param apiKey the key as sent, never null or blank
     */
    Optional<PingppPrincipal> authenticate(String apiKey);

    /**
     * A store that accepts exactly these keys. Each key's account is named by its prefix and last four
     * characters ({@code sk_test_...Ab12}) and is live when the key starts with {@code sk_live_}. The keys are
     * kept only as SHA-256 digests, so a lookup's timing says nothing about how much of a guess was right.
     */
    static ApiKeyStore of(String... apiKeys) {
        return of(List.of(apiKeys));
    }

    /** Like {@link #of(String...)}, for a collection of keys. */
    static ApiKeyStore of(Iterable<String> apiKeys) {
        Map<String, PingppPrincipal> byDigest = new HashMap<>();
        for (String key : apiKeys) {
            Objects.requireNonNull(key, "apiKey");
            if (key.isBlank()) {
                throw new IllegalArgumentException("An API key must not be blank");
            }
            byDigest.put(ApiKeyDigests.sha256(key), new PingppPrincipal(ApiKeyDigests.redact(key), key.startsWith("sk_live_")));
        }
        Map<String, PingppPrincipal> accepted = Map.copyOf(byDigest);
        return apiKey -> Optional.ofNullable(accepted.get(ApiKeyDigests.sha256(apiKey)));
    }
}
