package org.pingppopenapi.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.Headers;

/**
 * What one call changes of the client's settings: the API key, the app, the timeouts, extra headers, the
 * {@code Pingplusplus-Version} and the pre-flight mode. Every service method takes one as its last argument; what it
 * leaves unset is the client's ({@link PingppClient.Builder}), and {@code null} means "the client's for everything".
 *
 * <pre>{@code
 * RequestOptions merchant = RequestOptions.builder().apiKey(subMerchantKey).appId(subMerchantApp).build();
 * client.charges().create(request, merchant);
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class RequestOptions {

    /** The headers the client sets itself: the key, the signature, the body's framing. */
    static final Set<String> RESERVED_HEADERS = Set.of("authorization", "user-agent", "content-type", "content-length",
            "host", "connection", "transfer-encoding", "pingplusplus-signature", "pingplusplus-request-timestamp",
            "pingplusplus-version");

    private final String apiKey;
    private final String appId;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Map<String, String> headers;
    private final String pingppVersion;
    private final PreflightMode preflight;

    private RequestOptions(Builder builder) {
        this.apiKey = builder.apiKey;
        this.appId = builder.appId;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.pingppVersion = builder.pingppVersion;
        this.preflight = builder.preflight;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.apiKey = apiKey;
        builder.appId = appId;
        builder.connectTimeout = connectTimeout;
        builder.readTimeout = readTimeout;
        builder.headers.putAll(headers);
        builder.pingppVersion = pingppVersion;
        builder.preflight = preflight;
        return builder;
    }

    /** The API key for this call, or null for the client's. */
    public String apiKey() {
        return apiKey;
    }

    /** The app of app-scoped operations ({@code /v1/apps/{app_id}/...}) for this call, or null for the client's. */
    public String appId() {
        return appId;
    }

    /** The connect timeout for this call, or null for the client's. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The read (and write) timeout for this call, or null for the client's. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Extra headers for this call, sent after (and over) the client's extra headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The {@code Pingplusplus-Version} for this call, or null for the client's. */
    public String pingppVersion() {
        return pingppVersion;
    }

    /** The pre-flight mode for this call, or null for the client's. */
    public PreflightMode preflight() {
        return preflight;
    }

    /** Names what is set; the key only as set or not. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("RequestOptions{");
        if (apiKey != null) {
            text.append("apiKey=<redacted>, ");
        }
        if (appId != null) {
            text.append("appId=").append(appId).append(", ");
        }
        if (connectTimeout != null) {
            text.append("connectTimeout=").append(connectTimeout).append(", ");
        }
        if (readTimeout != null) {
            text.append("readTimeout=").append(readTimeout).append(", ");
        }
        if (!headers.isEmpty()) {
            text.append("headers=").append(headers.keySet()).append(", ");
        }
        if (pingppVersion != null) {
            text.append("pingppVersion=").append(pingppVersion).append(", ");
        }
        if (preflight != null) {
            text.append("preflight=").append(preflight).append(", ");
        }
        if (text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 2);
        }
        return text.append('}').toString();
    }

    /** Builds {@link RequestOptions}; every setting is optional. Not thread-safe. */
    public static final class Builder {

        private String apiKey;
        private String appId;
        private Duration connectTimeout;
        private Duration readTimeout;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String pingppVersion;
        private PreflightMode preflight;

        private Builder() {
        }

        /**
         * The secret key to send instead of the client's, e.g. a sub-merchant's. A live key is refused unless the
         * client talks to the Ping++ API over https (see {@link PingppClient.Builder#allowLiveKeyAtBaseUrl()}).
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = checkApiKey(apiKey);
            return this;
        }

        /** The app of app-scoped operations (recharges, sub-apps, users...), {@code app_...}. */
        public Builder appId(String appId) {
            this.appId = Objects.requireNonNull(appId, "appId");
            return this;
        }

        /** How long to wait for a connection in this call. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for each read (and write) in this call. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * A header to send in this call, such as {@code Accept-Language}. The headers the client sets itself (the
         * key, the signature, the body's type and length, {@code Pingplusplus-Version}) cannot be given this way.
         */
        public Builder header(String name, String value) {
            headers.put(checkHeader(name, value), value);
            return this;
        }

        /** The API version to ask for, sent as {@code Pingplusplus-Version} (no SDK sends one by default). */
        public Builder pingppVersion(String version) {
            Headers.of("Pingplusplus-Version", Objects.requireNonNull(version, "version"));
            this.pingppVersion = version;
            return this;
        }

        /** What to do with a body that breaks a rule of the spec, for this call. */
        public Builder preflight(PreflightMode mode) {
            this.preflight = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }

    static String checkApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is required (sk_test_... or sk_live_...)");
        }
        for (int i = 0; i < apiKey.length(); i++) {
            char c = apiKey.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("apiKey contains whitespace or a non-ASCII character at index "
                        + i + "; copy it again from the dashboard");
            }
        }
        return apiKey;
    }

    static String checkHeader(String name, String value) {
        Headers.of(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " is set by the client itself");
        }
        return name;
    }

    static Duration positive(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
