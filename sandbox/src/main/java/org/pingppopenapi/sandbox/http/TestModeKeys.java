package org.pingppopenapi.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.pingppopenapi.server.ApiKeyStore;
import org.pingppopenapi.server.PingppPrincipal;

/**
 * The API keys the sandbox accepts: test keys only. By default any well-formed {@code sk_test_} key, each its own
 * account; or exactly the keys configured. The principal's name is the account id, {@code acct_} and 16 hex
 * digits of the key's SHA-256, safe to show and the same for the same key on every run.
 */
public final class TestModeKeys implements ApiKeyStore {

    /** The shape of a test key: the prefix and up to 128 letters, digits and underscores. */
    public static final Pattern TEST_KEY = Pattern.compile("sk_test_[A-Za-z0-9_]{1,128}");

    /** Keys seen lately, so a key is hashed once and not on every request; bounded, as any key is accepted. */
    private static final int RECENT_KEYS = 1024;

    private final Set<String> configured;
    private final Map<String, PingppPrincipal> recent = new ConcurrentHashMap<>();

    private TestModeKeys(Set<String> configured) {
        this.configured = configured;
    }

    /** Accepts every well-formed test key. */
    public static TestModeKeys anyTestKey() {
        return new TestModeKeys(Set.of());
    }

    /** Accepts exactly these keys, each of which must be a well-formed test key. */
    public static TestModeKeys only(Set<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No API keys given");
        }
        for (String key : keys) {
            if (!TEST_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Not a test API key (sk_test_ and letters, digits or _): "
                        + key.substring(0, Math.min(8, key.length())) + "...");
            }
        }
        return new TestModeKeys(Set.copyOf(keys));
    }

    @Override
    public Optional<PingppPrincipal> authenticate(String apiKey) {
        PingppPrincipal known = recent.get(apiKey);
        if (known != null) {
            return Optional.of(known);
        }
        boolean accepted = configured.isEmpty() ? TEST_KEY.matcher(apiKey).matches() : configured.contains(apiKey);
        if (!accepted) {
            return Optional.empty();
        }
        PingppPrincipal principal = new PingppPrincipal(accountId(apiKey), false);
        if (recent.size() >= RECENT_KEYS) {
            recent.clear();
        }
        recent.put(apiKey, principal);
        return Optional.of(principal);
    }

    /** The account id of a key. */
    public static String accountId(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return "acct_" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
