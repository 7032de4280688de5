package org.pingppopenapi.client;

import java.net.Proxy;
import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.pingppopenapi.client.internal.ClientSettings;
import org.pingppopenapi.client.internal.Requestor;
import org.pingppopenapi.client.internal.RetryPolicy;
import org.pingppopenapi.signing.PemKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ping++ API client: one service per resource of the spec ({@link #charges()}, {@link #orders()}, ...), each
 * operation a method named by its verb, synchronous here and asynchronous under {@link #async()}.
 *
 * <pre>{@code
 * PingppClient client = PingppClient.builder().apiKey("sk_test_...").privateKey(merchantPrivateKeyPem).build();
 * Charge charge = client.charges().create(request);
 * Page<Refund> refunds = client.charges().refunds().list(charge.getId());
 * }</pre>
 *
 * <p>Every call:
 * <ul>
 *   <li>is checked before it leaves ({@link PreflightMode}): its path and required arguments, and (unless turned
 *       off or to warnings) every rule of the spec for its body, channel rules included; a failure is an
 *       {@link InvalidRequestException} naming the field and the rule, and nothing is sent;</li>
 *   <li>carries the API key ({@link AuthScheme#BEARER Bearer} by default) and, when a merchant private key is set,
 *       the {@code Pingplusplus-Signature} over exactly the bytes sent;</li>
 *   <li>is retried only when that cannot do harm: never a POST or PUT that may have reached the server (see
 *       {@link Builder#maxRetries});</li>
 *   <li>when the Ping++ public key is set, is accepted only with a valid {@code X-Pingplusplus-Signature} over the
 *       answer's body ({@link SignatureVerificationException} otherwise);</li>
 *   <li>fails with a {@link PingppException} of the kind of failure, carrying what the API answered;</li>
 *   <li>can change the key, app, timeouts, headers and pre-flight mode of the client with {@link RequestOptions}.</li>
 * </ul>
 *
 * <p>Thread-safe; create one per application and reuse it. {@link #close()} releases its connections.
 */
public final class PingppClient extends PingppServices implements AutoCloseable {

    /** The Ping++ API; test or live mode is chosen by the key. */
    public static final URI PINGPP_API = URI.create("https://api.pingxx.com");

    private final AtomicBoolean closed;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final String description;
    private final PingppAsyncServices async;

    private PingppClient(Requestor requestor, AtomicBoolean closed, OkHttpClient http, boolean ownsHttp,
            String description) {
        super(requestor);
        this.closed = closed;
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.description = description;
        this.async = new PingppAsyncServices(requestor);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The same services, asynchronous: each call returns at once with a
     * {@link java.util.concurrent.CompletableFuture}, and is checked, signed, retried and read by the same rules.
     */
    public PingppAsyncServices async() {
        return async;
    }

    /**
     * Releases the connections and threads of this client, unless they belong to an {@code OkHttpClient} given to
     * the builder; calls made afterwards throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** Names the endpoint and the options; never the key. */
    @Override
    public String toString() {
        return description;
    }

    /** Configures a {@link PingppClient}. Only {@link #apiKey} is required. */
    public static final class Builder {

        private String apiKey;
        private AuthScheme authScheme = AuthScheme.BEARER;
        private String appId;
        private String privateKeyPem;
        private PrivateKey privateKey;
        private String pingppPublicKeyPem;
        private PublicKey pingppPublicKey;
        private URI baseUrl = PINGPP_API;
        private boolean liveKeyAtBaseUrl;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(80);
        private int maxRetries = RetryPolicy.DEFAULT.maxRetries();
        private Duration initialRetryDelay = RetryPolicy.DEFAULT.initialDelay();
        private Duration maxRetryDelay = RetryPolicy.DEFAULT.maxDelay();
        private PreflightMode preflight = PreflightMode.ENFORCE;
        private Duration clockSkewAllowance = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String pingppVersion;
        private OkHttpClient httpClient;
        private Proxy proxy;
        private Logger logger = LoggerFactory.getLogger(PingppClient.class);
        private boolean logBodies;

        private Builder() {
        }

        /** The secret API key, {@code sk_test_...} or {@code sk_live_...}. Required. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** How the key is sent; {@link AuthScheme#BEARER} by default. */
        public Builder authScheme(AuthScheme authScheme) {
            this.authScheme = Objects.requireNonNull(authScheme, "authScheme");
            return this;
        }

        /**
         * The app of the app-scoped operations ({@code /v1/apps/{app_id}/...}: recharges, sub-apps, users...), unless
         * a call gives its own ({@link RequestOptions.Builder#appId}). Without either, such a call is refused.
         */
        public Builder appId(String appId) {
            this.appId = Objects.requireNonNull(appId, "appId");
            return this;
        }

        /**
         * The merchant's RSA private key, to sign every request (PKCS#1 {@code BEGIN RSA PRIVATE KEY} PEM, PKCS#8
         * {@code BEGIN PRIVATE KEY} PEM, or PKCS#8 base64 without header lines). Ping++ checks the signature with the
         * public key uploaded to the dashboard; recharges and sub-apps require it. A key that cannot be read makes
         * {@link #build()} fail: requests are never sent unsigned by accident.
         */
        public Builder privateKey(String pem) {
            this.privateKeyPem = Objects.requireNonNull(pem, "pem");
            this.privateKey = null;
            return this;
        }

        /** The merchant's RSA private key, already read. */
        public Builder privateKey(PrivateKey key) {
            if (!"RSA".equals(Objects.requireNonNull(key, "key").getAlgorithm())) {
                throw new IllegalArgumentException("The merchant private key must be an RSA key, not " + key.getAlgorithm());
            }
            this.privateKey = key;
            this.privateKeyPem = null;
            return this;
        }

        /**
         * The Ping++ public key (dashboard: 开发参数 → Ping++ 公钥, {@code BEGIN PUBLIC KEY} PEM, PKCS#1
         * {@code BEGIN RSA PUBLIC KEY} PEM, or the base64 of either). With it, every 2xx answer must carry a valid
         * {@code X-Pingplusplus-Signature} over its raw body, or the call fails with
         * {@link SignatureVerificationException} and the body is neither read nor returned, as pingpp-java 2.5 does.
         */
        public Builder pingppPublicKey(String pem) {
            this.pingppPublicKeyPem = Objects.requireNonNull(pem, "pem");
            this.pingppPublicKey = null;
            return this;
        }

        /** The Ping++ public key, already read. */
        public Builder pingppPublicKey(PublicKey key) {
            this.pingppPublicKey = Objects.requireNonNull(key, "key");
            this.pingppPublicKeyPem = null;
            return this;
        }

        /**
         * Where the API is; {@link #PINGPP_API} by default. Scheme and authority only: operation paths start with
         * {@code /v1}. A live key is sent only over https to the Ping++ API unless {@link #allowLiveKeyAtBaseUrl()}.
         */
        public Builder baseUrl(URI baseUrl) {
            String scheme = Objects.requireNonNull(baseUrl, "baseUrl").getScheme();
            if (!"https".equals(scheme) && !"http".equals(scheme) || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host, was " + baseUrl);
            }
            String path = baseUrl.getRawPath();
            if (path != null && !path.isEmpty() && !path.equals("/") || baseUrl.getRawQuery() != null) {
                throw new IllegalArgumentException("baseUrl must have no path or query (the operations' paths start"
                        + " with /v1), was " + baseUrl);
            }
            this.baseUrl = URI.create(scheme + "://" + baseUrl.getRawAuthority());
            return this;
        }

        /** Where the API is, e.g. {@code http://127.0.0.1:4010} for a local mock. */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        /**
         * Lets a live key ({@code sk_live_...}) go to a base URL other than https://api.pingxx.com, such as a
         * company's gateway in front of it. Without this, a live key is refused there (by {@link #build()}, or by the
         * call that gives it), so that a test setup never sends it in clear or to a stranger.
         */
        public Builder allowLiveKeyAtBaseUrl() {
            this.liveKeyAtBaseUrl = true;
            return this;
        }

        /** How long to wait for a connection; 30 s by default. A call may change it ({@link RequestOptions}). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = RequestOptions.positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for each read (and write); 80 s by default (some operations are slow). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = RequestOptions.positive(timeout, "readTimeout");
            return this;
        }

        /**
         * How many times a failed call may be resent; 2 by default, 0 to never resend. Only harmless resends are
         * made: a request that was not sent at all (the connection failed), or a GET or DELETE that timed out, lost
         * its connection or was answered 429, 500, 502, 503 or 504. A POST or PUT that may have reached the server is
         * never resent, since it could charge twice: its {@link ApiConnectionException} says
         * {@link ApiConnectionException#mayHaveReachedServer() so}.
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The backoff between attempts: {@code initial * 2^(n-1)} before the n-th resend, at most {@code max}, each
         * shortened by a random 0 to 25 %; 500 ms and 5 s by default. A {@code Retry-After} longer than {@code max}
         * ends the call instead.
         */
        public Builder retryDelays(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("Need 0 <= initial <= max, got " + initial + " and " + max);
            }
            this.initialRetryDelay = initial;
            this.maxRetryDelay = max;
            return this;
        }

        /**
         * What to do with a request body that breaks a rule of the spec: refuse it ({@link PreflightMode#ENFORCE},
         * the default), log and send it ({@link PreflightMode#WARN}), or not check ({@link PreflightMode#OFF}). A
         * call may choose otherwise ({@link RequestOptions.Builder#preflight}).
         */
        public Builder preflight(PreflightMode mode) {
            this.preflight = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * How far the client's clock may be from Ping++'s when judging {@code time_expire} rules; 5 minutes by
         * default. A rule measured from "now" is counted as broken only if it is broken with the clock moved this
         * far either way, so a request the API could still accept is sent for the API to judge. Five minutes covers
         * hosts that drift without time synchronisation (NTP keeps them within a second) and is the usual allowance
         * of time-based protocols; the cost of a larger one is only that a request a few minutes off its channel's
         * range reaches the API and is refused there, with the same 400 the client would have given.
         * {@code Duration.ZERO} judges at the clock exactly.
         */
        public Builder clockSkewAllowance(Duration allowance) {
            if (Objects.requireNonNull(allowance, "allowance").isNegative()) {
                throw new IllegalArgumentException("clockSkewAllowance must not be negative, was " + allowance);
            }
            this.clockSkewAllowance = allowance;
            return this;
        }

        /** The clock for signature timestamps and for {@code time_expire} checks; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A header to send with every request, such as {@code Accept-Language}. The headers the client sets itself
         * (the key, the signature, the body's type and length, {@code Pingplusplus-Version}) cannot be given this way.
         */
        public Builder header(String name, String value) {
            headers.put(RequestOptions.checkHeader(name, value), value);
            return this;
        }

        /** The API version to ask for in every call, sent as {@code Pingplusplus-Version}; none by default. */
        public Builder pingppVersion(String version) {
            this.pingppVersion = RequestOptions.builder().pingppVersion(version).build().pingppVersion();
            return this;
        }

        /**
         * The {@code OkHttpClient} to send through: its proxy, TLS settings, connection pool, dispatcher and
         * interceptors are kept. The client adds its own interceptors to a copy, turns off OkHttp's automatic resends
         * and redirects (a resent POST could charge twice), and sets each call's timeouts; {@link #close()} leaves the
         * given client's resources alone.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** The proxy to reach the API through (most company networks in China reach api.pingxx.com through one). */
        public Builder proxy(Proxy proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Where the client logs: each attempt at DEBUG (method, path, status, time, attempt), pre-flight warnings at
         * WARN; never a header, so never the key or a signature. The logger of {@code PingppClient} by default.
         */
        public Builder logger(Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * Whether DEBUG logging also shows the request and answer bodies, with every field whose name says it holds a
         * secret (key, secret, password, token, signature, the payment credential) redacted; off by default, as bodies
         * carry personal and payment data.
         */
        public Builder logBodies(boolean logBodies) {
            this.logBodies = logBodies;
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalArgumentException when the API key is missing or malformed, a key cannot be read, or a live
         *                                  key would go to a base URL that is not https://api.pingxx.com (messages
         *                                  never contain a key)
         */
        public PingppClient build() {
            RequestOptions.checkApiKey(apiKey);
            PrivateKey merchantKey = privateKey;
            if (privateKeyPem != null) {
                try {
                    merchantKey = PemKeys.privateKey(privateKeyPem);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("The merchant private key cannot be used for signing: "
                            + e.getMessage(), e);
                }
            }
            PublicKey answerKey = pingppPublicKey;
            if (pingppPublicKeyPem != null) {
                try {
                    answerKey = PemKeys.publicKey(pingppPublicKeyPem);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("The Ping++ public key cannot be used to verify answers: "
                            + e.getMessage(), e);
                }
            }
            boolean pingpp = baseUrl.getScheme().equals("https") && baseUrl.getHost().equals(PINGPP_API.getHost())
                    && (baseUrl.getPort() == -1 || baseUrl.getPort() == 443);
            boolean liveKeyAllowed = pingpp || liveKeyAtBaseUrl;
            if (ClientSettings.isLiveKey(apiKey) && !liveKeyAllowed) {
                throw new IllegalArgumentException("A live key is sent only over https to the Ping++ API, not to "
                        + baseUrl + "; call allowLiveKeyAtBaseUrl() to allow it");
            }
            Provenance provenance = Provenance.current();
            String userAgent = "pingpp-openapi-java/" + provenance.clientVersion() + " (spec "
                    + provenance.specSha256().substring(0, 12) + ")";
            String description = "PingppClient[" + baseUrl + ", " + authScheme + " key"
                    + (merchantKey != null ? ", signed" : "") + (answerKey != null ? ", verifies answers" : "")
                    + (preflight != PreflightMode.ENFORCE ? ", preflight " + preflight : "") + "]";
            ClientSettings settings = new ClientSettings(HttpUrl.get(baseUrl), liveKeyAllowed, apiKey, authScheme,
                    appId, connectTimeout, readTimeout, headers, pingppVersion, preflight, clockSkewAllowance,
                    new RetryPolicy(maxRetries, initialRetryDelay, maxRetryDelay), clock, merchantKey, answerKey,
                    logger, logBodies, userAgent, description);
            AtomicBoolean closed = new AtomicBoolean();
            OkHttpClient http = Requestor.httpClient(httpClient, proxy, connectTimeout, readTimeout);
            return new PingppClient(new Requestor(settings, http, closed::get), closed, http, httpClient == null,
                    description);
        }
    }
}
