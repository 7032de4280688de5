package org.pingppopenapi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.validation.ValidationFeature;
import org.pingppopenapi.server.internal.ApiKeyAuthenticationFilter;
import org.pingppopenapi.server.internal.PingppExceptionMapper;
import org.pingppopenapi.server.internal.QueryEnums;
import org.pingppopenapi.server.internal.RequestBodyLimitFilter;
import org.pingppopenapi.server.internal.RequestSignatureFilter;
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
 *       {@code Pingplusplus-Request-Timestamp}), verified with the merchant's public key; 401 for a missing or
 *       bad signature and for a timestamp outside the window;</li>
 *   <li>a request body limit (413);</li>
 *   <li>Bean Validation of every request against the constraints of the generated interfaces and models,
 *       including the channel rules of the spec ({@code x-pingpp-rules}), and the spec's query parameter enums,
 *       which the generated interfaces do not check; 400 with the field as {@code param};</li>
 *   <li>the Ping++ error body {@code {"error":{"type","message","code","param"}}} for every failure: bad JSON,
 *       wrong content type (415), unknown route (404), wrong method (405), {@link PingppErrorException}s thrown
 *       by the implementation, and unexpected exceptions (500, logged, never shown).</li>
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

    /** Ahead of the default priority of Jersey's own mappers. */
    private static final int MAPPER_PRIORITY = 100;

    private final ApiKeyStore apiKeys;
    private final PublicKey merchantPublicKey;
    private final Duration signatureWindow;
    private final Clock clock;
    private final long maxRequestBodyBytes;

    private PingppProviders(Builder builder) {
        this.apiKeys = builder.apiKeys;
        this.merchantPublicKey = builder.merchantPublicKey;
        this.signatureWindow = builder.signatureWindow;
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
        context.register(new RequestBodyLimitFilter(maxRequestBodyBytes));
        if (merchantPublicKey != null) {
            context.register(new RequestSignatureFilter(merchantPublicKey, signatureWindow, clock));
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

    /** Whether requests must be signed. */
    public boolean requiresSignatures() {
        return merchantPublicKey != null;
    }

    /** Configures {@link PingppProviders}; only the API key store is required. */
    public static final class Builder {

        private final ApiKeyStore apiKeys;
        private PublicKey merchantPublicKey;
        private Duration signatureWindow = DEFAULT_SIGNATURE_WINDOW;
        private Clock clock = Clock.systemUTC();
        private long maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;

        private Builder(ApiKeyStore apiKeys) {
            this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        }

        /** Requires every request to be signed with the private key of this merchant public key. */
        public Builder requireSignatures(PublicKey merchantPublicKey) {
            this.merchantPublicKey = Objects.requireNonNull(merchantPublicKey, "merchantPublicKey");
            return this;
        }

        /** Like {@link #requireSignatures(PublicKey)}, with the key as PEM ({@code BEGIN PUBLIC KEY}) or bare base64. */
        public Builder requireSignatures(String merchantPublicKeyPem) {
            return requireSignatures(PemKeys.publicKey(merchantPublicKeyPem));
        }

        /**
         * How far a signed request's timestamp may be from the server's clock, either way; default 5 minutes.
         * A request replayed later than that is rejected.
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
