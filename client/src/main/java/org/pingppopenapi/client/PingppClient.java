package org.pingppopenapi.client;

import feign.ExceptionPropagationPolicy;
import feign.Feign;
import feign.Request;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Headers;
import org.pingppopenapi.client.api.ChargesApi;
import org.pingppopenapi.client.api.EventsApi;
import org.pingppopenapi.client.api.OrderChargesApi;
import org.pingppopenapi.client.api.OrderRefundsApi;
import org.pingppopenapi.client.api.OrdersApi;
import org.pingppopenapi.client.api.RechargesApi;
import org.pingppopenapi.client.api.RefundsApi;
import org.pingppopenapi.client.api.SubAppChannelsApi;
import org.pingppopenapi.client.api.SubAppsApi;
import org.pingppopenapi.client.internal.ApiCalls;
import org.pingppopenapi.client.internal.AuthenticatingClient;
import org.pingppopenapi.client.internal.ErrorResponses;
import org.pingppopenapi.client.internal.JsonDecoder;
import org.pingppopenapi.client.internal.JsonEncoder;
import org.pingppopenapi.client.internal.OkHttpTransport;
import org.pingppopenapi.client.internal.RetryPolicy;
import org.pingppopenapi.client.internal.SafeRetryer;
import org.pingppopenapi.client.internal.SigningClient;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.validator.PingppValidator;

/**
 * The Ping++ API client: one object with typed access to every operation of the spec.
 *
 * <pre>{@code
 * PingppClient client = PingppClient.builder().apiKey("sk_test_...").privateKey(merchantPrivateKeyPem).build();
 * Charge charge = client.charges().createCharge(request);
 * }</pre>
 *
 * <p>Every call:
 * <ul>
 *   <li>is checked before it leaves: required parameters, and (unless {@link Builder#validateRequests turned off})
 *       every rule of the spec for the request body, channel rules included; a failure is an
 *       {@link InvalidRequestException} naming the field and the rule, and nothing is sent;</li>
 *   <li>carries the API key ({@link AuthScheme#BEARER Bearer} by default) and, when a merchant private key is set,
 *       the {@code Pingplusplus-Signature} over exactly the bytes sent;</li>
 *   <li>is retried only when that cannot do harm: never a POST or PUT that may have reached the server (see
 *       {@link Builder#maxRetries});</li>
 *   <li>fails with a {@link PingppException} of the kind of failure, carrying what the API answered.</li>
 * </ul>
 *
 * <p>Thread-safe; create one per API key and reuse it. {@link #close()} releases its connections.
 */
public final class PingppClient implements AutoCloseable {

    /** The Ping++ API; test or live mode is chosen by the key. */
    public static final URI PINGPP_API = URI.create("https://api.pingxx.com");

    private final OkHttpTransport transport;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String description;
    private final ChargesApi charges;
    private final RefundsApi refunds;
    private final RechargesApi recharges;
    private final SubAppsApi subApps;
    private final SubAppChannelsApi subAppChannels;
    private final OrdersApi orders;
    private final OrderChargesApi orderCharges;
    private final OrderRefundsApi orderRefunds;
    private final EventsApi events;
    private final AutoPaging autoPaging;

    private PingppClient(Builder builder, PrivateKey merchantKey) {
        this.transport = new OkHttpTransport(builder.connectTimeout, builder.readTimeout);
        this.description = "PingppClient[" + builder.baseUrl + ", " + builder.authScheme + " key"
                + (merchantKey != null ? ", signed" : "") + (builder.validateRequests ? "" : ", unvalidated") + "]";
        Provenance provenance = Provenance.current();
        String userAgent = "pingpp-openapi-java/" + provenance.clientVersion() + " (spec "
                + provenance.specSha256().substring(0, 12) + "; openapi-generator " + provenance.generatorVersion() + ")";
        feign.Client client = merchantKey != null ? new SigningClient(transport, merchantKey, builder.clock) : transport;
        client = new AuthenticatingClient(client, authorization(builder.authScheme, builder.apiKey), userAgent,
                builder.headers);
        PingppValidator validator = builder.validateRequests ? PingppValidator.fromSpec() : null;
        Feign.Builder feign = Feign.builder()
                .client(client)
                .encoder(new JsonEncoder())
                .decoder(new JsonDecoder())
                .errorDecoder(new ErrorResponses(builder.clock))
                .retryer(new SafeRetryer(builder.retryPolicy(), builder.clock))
                .exceptionPropagationPolicy(ExceptionPropagationPolicy.UNWRAP)
                .options(new Request.Options(builder.connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                        builder.readTimeout.toMillis(), TimeUnit.MILLISECONDS, false))
                .invocationHandlerFactory(new ApiCalls(validator, builder.clock, description, closed::get));
        String url = builder.baseUrl.toString();
        this.charges = feign.target(ChargesApi.class, url);
        this.refunds = feign.target(RefundsApi.class, url);
        this.recharges = feign.target(RechargesApi.class, url);
        this.subApps = feign.target(SubAppsApi.class, url);
        this.subAppChannels = feign.target(SubAppChannelsApi.class, url);
        this.orders = feign.target(OrdersApi.class, url);
        this.orderCharges = feign.target(OrderChargesApi.class, url);
        this.orderRefunds = feign.target(OrderRefundsApi.class, url);
        this.events = feign.target(EventsApi.class, url);
        this.autoPaging = new AutoPaging(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Charges (支付): create, retrieve (with {@code expand[]=app}), list. */
    public ChargesApi charges() {
        return charges;
    }

    /** Refunds of a charge (退款): create, retrieve, list. */
    public RefundsApi refunds() {
        return refunds;
    }

    /** Recharges of a user's balance (充值): create, retrieve, list. Ping++ requires them signed. */
    public RechargesApi recharges() {
        return recharges;
    }

    /** Sub-merchant apps (子商户应用): create, retrieve, update, delete, list. Ping++ requires them signed. */
    public SubAppsApi subApps() {
        return subApps;
    }

    /** The payment channels of a sub-app: add, retrieve, update, remove. */
    public SubAppChannelsApi subAppChannels() {
        return subAppChannels;
    }

    /** Product orders (商品订单): create, retrieve, list, pay, cancel. */
    public OrdersApi orders() {
        return orders;
    }

    /** The charges made to pay an order: retrieve, list. */
    public OrderChargesApi orderCharges() {
        return orderCharges;
    }

    /** Refunds of an order (订单退款): create, retrieve, list. */
    public OrderRefundsApi orderRefunds() {
        return orderRefunds;
    }

    /** Events (事件): retrieve, list. To receive them as webhooks, see {@link Webhooks}. */
    public EventsApi events() {
        return events;
    }

    /** Every object of a list operation, fetched page by page as iteration reaches it. */
    public AutoPaging autoPaging() {
        return autoPaging;
    }

    /** Releases the connections and threads of this client; calls made afterwards throw {@link IllegalStateException}. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            transport.close();
        }
    }

    /** Names the endpoint and the options; never the key. */
    @Override
    public String toString() {
        return description;
    }

    private static String authorization(AuthScheme scheme, String apiKey) {
        return switch (scheme) {
            case BEARER -> "Bearer " + apiKey;
            case BASIC -> "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Configures a {@link PingppClient}. Only {@link #apiKey} is required. */
    public static final class Builder {

        private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "user-agent", "content-type",
                "content-length", "host", "connection", "transfer-encoding", "pingplusplus-signature",
                "pingplusplus-request-timestamp");

        private String apiKey;
        private AuthScheme authScheme = AuthScheme.BEARER;
        private String privateKeyPem;
        private PrivateKey privateKey;
        private URI baseUrl = PINGPP_API;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(80);
        private int maxRetries = RetryPolicy.DEFAULT.maxRetries();
        private Duration initialRetryDelay = RetryPolicy.DEFAULT.initialDelay();
        private Duration maxRetryDelay = RetryPolicy.DEFAULT.maxDelay();
        private boolean validateRequests = true;
        private Clock clock = Clock.systemUTC();
        private final Map<String, String> headers = new LinkedHashMap<>();

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

        /** Where the API is; {@link #PINGPP_API} by default. Scheme and authority only: operation paths start with /v1. */
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

        /** How long to wait for a connection; 30 s by default. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for each read of the answer; 80 s by default (some operations are slow). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
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
         * Whether request bodies are checked against every rule of the spec before they are sent (channel rules
         * included); true by default. Required parameters are checked either way.
         */
        public Builder validateRequests(boolean validateRequests) {
            this.validateRequests = validateRequests;
            return this;
        }

        /** The clock for signature timestamps and for {@code time_expire} checks; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A header to send with every request, such as {@code Accept-Language}. The headers the client sets itself
         * (authorization, signature, content) cannot be replaced.
         */
        public Builder header(String name, String value) {
            Headers.of(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is set by the client itself");
            }
            headers.put(name, value);
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalArgumentException when the API key is missing or malformed, or the private key cannot be
         *                                  read (messages never contain either key)
         */
        public PingppClient build() {
            checkApiKey(apiKey);
            PrivateKey merchantKey = privateKey;
            if (privateKeyPem != null) {
                try {
                    merchantKey = PemKeys.privateKey(privateKeyPem);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("The merchant private key cannot be used for signing: "
                            + e.getMessage(), e);
                }
            }
            return new PingppClient(this, merchantKey);
        }

        private RetryPolicy retryPolicy() {
            return new RetryPolicy(maxRetries, initialRetryDelay, maxRetryDelay);
        }

        private static void checkApiKey(String apiKey) {
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
        }

        private static Duration positive(Duration duration, String name) {
            if (Objects.requireNonNull(duration, name).isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
