package org.pingppopenapi.client.internal;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import org.pingppopenapi.client.AuthScheme;
import org.pingppopenapi.client.PreflightMode;
import org.slf4j.Logger;

/**
 * Everything {@code PingppClient.Builder} settled, as the requestor uses it. The per-call defaults ({@code apiKey}
 * to {@code preflight}) are what a call's {@code RequestOptions} may change.
 *
 * @param baseUrl          where the API is (scheme and authority)
 * @param liveKeyAllowed   whether a live key may be sent to {@code baseUrl}: it is https to the Ping++ API, or the
 *                         builder said so
 * @param merchantKey      signs every request, or null
 * @param pingppPublicKey  verifies the signature of every 2xx answer, or null
 * @param logBodies        whether bodies are logged (redacted) at DEBUG
 * @param description      what {@code toString()} says of the client; never the key
 */
public record ClientSettings(
        HttpUrl baseUrl, boolean liveKeyAllowed, String apiKey, AuthScheme authScheme, String appId,
        Duration connectTimeout, Duration readTimeout, Map<String, String> headers, String pingppVersion,
        PreflightMode preflight, Duration clockSkewAllowance, RetryPolicy retryPolicy, Clock clock,
        PrivateKey merchantKey, PublicKey pingppPublicKey, Logger logger, boolean logBodies, String userAgent,
        String description) {

    public ClientSettings {
        headers = Map.copyOf(headers);
    }

    /** Whether a key is a live-mode key ({@code sk_live_...}, {@code rk_live_...}). */
    public static boolean isLiveKey(String apiKey) {
        return apiKey != null && apiKey.length() > 8 && apiKey.startsWith("_live_", 2);
    }

    @Override
    public String toString() {
        return description;
    }
}
