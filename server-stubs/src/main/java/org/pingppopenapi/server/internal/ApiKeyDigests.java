package org.pingppopenapi.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How {@code ApiKeyStore.of} keeps keys (as digests) and names their accounts (redacted). */
public final class ApiKeyDigests {

    private ApiKeyDigests() {
    }

    /** The lower-case hex SHA-256 of the key's UTF-8 bytes. */
    public static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    /**
     * The key with everything but its {@code sk_test_}/{@code sk_live_} prefix and, for keys long enough to
     * spare them, its last four characters replaced by "...".
     */
    public static String redact(String key) {
        int prefixEnd = key.startsWith("sk_test_") || key.startsWith("sk_live_") ? 8 : 0;
        String tail = key.length() - prefixEnd > 12 ? key.substring(key.length() - 4) : "";
        return key.substring(0, prefixEnd) + "..." + tail;
    }
}
