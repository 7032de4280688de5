package org.pingppopenapi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.validation.ValidationFeature;
import org.pingppopenapi.server.internal.ApiKeyAuthenticationFilter;
import org.pingppopenapi.server.internal.MediaTypeHeaders;
import org.pingppopenapi.server.internal.PingppExceptionMapper;
import org.pingppopenapi.server.internal.QueryEnums;
import org.pingppopenapi.server.internal.RequestBodyLimitFilter;
import org.pingppopenapi.server.internal.RequestSignatureFilter;
import org.pingppopenapi.server.internal.ResponseSigner;
import org.pingppopenapi.server.internal.ValidationClock;
import org.pingppopenapi.server.internal.ValidationExceptionMapper;
import org.pingppopenapi.server.internal.ViolationTranslator;
import org.pingppopenapi.signing.PemKeys;

/**
 * Everything a Ping++-compatible JAX-RS application needs around the generated interfaces, as one feature to
 * register next to the implementations:
 * <ul>
 *   <li>JSON as the API writes it ({@link PingppJson});</li>
 *   <li>authentication: the API key as HTTP Basic user name or Bearer token, checked by an {@link ApiKeyStore};
 *       401 otherwise;</li>
 *   <li>optionally, request signatures ({@code Pingplusplus-Signature} over body, request URI and
 *       {@code Pingplusplus-Request-Timestamp}), verified with each account's merchant public key
 *       ({@link MerchantKeys}); a 400 {@code invalid_request_error} whose {@code code} says what to fix for a
 *       missing or bad signature, a timestamp outside the window, and a signed POST or PUT sent a second time;</li>
 *   <li>optionally, response signatures: {@code X-Pingplusplus-Signature} on every 2xx answer, signed with the
 *       server's Ping++ private key as webhooks are, which pingpp-java 2.5+ verifies;</li>
 *   <li>a request body limit (413);</li>
 *   <li>Bean Validation of every request against the constraints of the generated interfaces and models,
 *       including the channel rules of the spec ({@code x-pingpp-rules}), and the spec's query parameter enums,
 *       which the generated interfaces do not check; 400 with the field as {@code param};</li>
 *   <li>the Ping++ error body {@code {"error":{"type","message","code","param"}}} for every failure: bad JSON,
 *       wrong or unreadable content type (415) or {@code Accept} (406), unknown route (404), wrong method (405),
 *       {@link PingppErrorException}s thrown by the implementation, and unexpected exceptions (500, logged, never
 *       shown).</li>
 * </ul>
 *
 * <pre>{@code
 * ResourceConfig app = new ResourceConfig()
 *         .register(new MyCharges())        // implements ChargesApi
 *         .register(PingppProviders.builder(ApiKeyStore.of("sk_test_...")).build());
 * }</pre>
 *
 * <p>Authentication and signatures are checked before routing, for every request the application receives.
 * Runs on Jersey 4 (it registers Jersey's Bean Validation support).
 */
public final class PingppProviders implements Feature {

    /** The default largest request body: Ping++ requests are a few kilobytes. */
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;
    /** The default largest distance between a request's signed timestamp and the server's clock. */
    public static final Duration DEFAULT_SIGNATURE_WINDOW = Duration.ofMinutes(5);
    /**
     * The default number of signed POST and PUT requests remembered within the window to refuse replays: about 330
     * a second sustained over 5 minutes, in about 10 MB.
     */
    public static final int DEFAULT_REMEMBERED_SIGNATURES = 100_000;

    /** Ahead of the default priority of Jersey's own mappers. */
    private static final int MAPPER_PRIORITY = 100;

    private final ApiKeyStore apiKeys;
    private final MerchantKeys merchantKeys;
    private final Duration signatureWindow;
    private final int rememberedSignatures;
    private final PrivateKey responseSigningKey;
    private final Clock clock;
    private final long maxRequestBodyBytes;

    private PingppProviders(Builder builder) {
        this.apiKeys = builder.apiKeys;
        this.merchantKeys = builder.merchantKeys;
        this.signatureWindow = builder.signatureWindow;
        this.rememberedSignatures = builder.rememberedSignatures;
        this.responseSigningKey = builder.responseSigningKey;
        this.clock = builder.clock;
        this.maxRequestBodyBytes = builder.maxRequestBodyBytes;
    }

    /** Starts a configuration that accepts the API keys of {@code apiKeys}. */
    public static Builder builder(ApiKeyStore apiKeys) {
        return new Builder(apiKeys);
    }

    @Override
    public boolean configure(FeatureContext context) {
        ObjectMapper mapper = PingppJson.newObjectMapper();
        context.register(new JacksonJsonProvider(mapper));
        context.register(new ApiKeyAuthenticationFilter(apiKeys));
        context.register(new MediaTypeHeaders());
        context.register(new RequestBodyLimitFilter(maxRequestBodyBytes));
        if (merchantKeys != null) {
            context.register(new RequestSignatureFilter(merchantKeys, signatureWindow, clock, rememberedSignatures));
        }
        if (responseSigningKey != null) {
            context.register(new ResponseSigner(responseSigningKey));
        }
        context.register(QueryEnums.ofBundledSpec());
        context.register(ValidationFeature.class);
        context.register(new ValidationClock(clock));
        // Ahead of Jersey's own validation mapper, which answers in plain text.
        context.register(new ValidationExceptionMapper(new ViolationTranslator(mapper)), MAPPER_PRIORITY);
        context.register(new PingppExceptionMapper(), MAPPER_PRIORITY);
        // The WADL document Jersey would serve at /application.wadl is not part of the Ping++ API.
        context.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        return true;
    }

    /** Whether (some accounts') requests must be signed. */
    public boolean requiresSignatures() {
        return merchantKeys != null;
    }

    /** Whether 2xx answers are signed. */
    public boolean signsResponses() {
        return responseSigningKey != null;
    }

    /** Configures {@link PingppProviders}; only the API key store is required. */
    public static final class Builder {

        private final ApiKeyStore apiKeys;
        private MerchantKeys merchantKeys;
        private Duration signatureWindow = DEFAULT_SIGNATURE_WINDOW;
        private int rememberedSignatures = DEFAULT_REMEMBERED_SIGNATURES;
        private PrivateKey responseSigningKey;
        private Clock clock = Clock.systemUTC();
        private long maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;

        private Builder(ApiKeyStore apiKeys) {
            this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        }

        /** Requires every request to be signed with the private key of this merchant public key. */
        public Builder requireSignatures(PublicKey merchantPublicKey) {
            return requireSignatures(MerchantKeys.sameForEveryAccount(merchantPublicKey));
        }

        /** Like {@link #requireSignatures(PublicKey)}, with the key as PEM ({@code BEGIN PUBLIC KEY}) or bare base64. */
        public Builder requireSignatures(String merchantPublicKeyPem) {
            return requireSignatures(PemKeys.publicKey(merchantPublicKeyPem));
        }

        /**
         * Requires the requests of each account that has a merchant key to be signed with its private key; the
         * requests of an account without one are not checked.
         */
        public Builder requireSignatures(MerchantKeys merchantKeys) {
            this.merchantKeys = Objects.requireNonNull(merchantKeys, "merchantKeys");
            return this;
        }

        /**
         * How many signed POST and PUT requests are remembered within the window to refuse a replay of one;
         * default {@value PingppProviders#DEFAULT_REMEMBERED_SIGNATURES}. When that many are live, another signed
         * POST or PUT is refused (403) until the oldest leave the window: a replay is never let through.
         */
        public Builder rememberedSignatures(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("At least 1 signature must be remembered, not " + count);
            }
            this.rememberedSignatures = count;
            return this;
        }

        /**
         * Signs every 2xx answer with this RSA private key (the one webhooks are signed with, "Ping++'s"), in
         * {@code X-Pingplusplus-Signature}; clients verify it with the matching public key.
         */
        public Builder signResponses(PrivateKey pingppPrivateKey) {
            this.responseSigningKey = Objects.requireNonNull(pingppPrivateKey, "pingppPrivateKey");
            return this;
        }

        /**
         * How far a signed request's timestamp may be from the server's clock, either way; default 5 minutes.
         * A request replayed later than that is rejected for its timestamp, and a signed POST or PUT replayed within
         * it for its repeated signature.
         */
        public Builder signatureWindow(Duration window) {
            if (Objects.requireNonNull(window, "window").isNegative()) {
                throw new IllegalArgumentException("The signature window must not be negative: " + window);
            }
            this.signatureWindow = window;
            return this;
        }

        /**
         * The server's clock: signature timestamps are compared with it, and the channel rules measure
         * {@code time_expire} from it. Default: the system clock.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The largest request body accepted, in bytes; default 1 MiB. Larger bodies get 413. */
        public Builder maxRequestBodyBytes(long maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("The request body limit must be at least 1 byte, not " + maxBytes);
            }
            this.maxRequestBodyBytes = maxBytes;
            return this;
        }

        public PingppProviders build() {
            return new PingppProviders(this);
        }
    }
}
