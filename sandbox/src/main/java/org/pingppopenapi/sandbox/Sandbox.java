package org.pingppopenapi.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.pingppopenapi.sandbox.api.GenericResource;
import org.pingppopenapi.sandbox.api.HandWrittenResources;
import org.pingppopenapi.sandbox.api.ObjectLimitFilter;
import org.pingppopenapi.sandbox.api.ResourceRegistry;
import org.pingppopenapi.sandbox.api.SandboxControlResource;
import org.pingppopenapi.sandbox.api.SandboxChannelResource;
import org.pingppopenapi.sandbox.api.SandboxWithdrawalsResource;
import org.pingppopenapi.sandbox.domain.Accounts;
import org.pingppopenapi.sandbox.domain.EventDelivery;
import org.pingppopenapi.sandbox.http.BoundedHttp;
import org.pingppopenapi.sandbox.http.DocumentedAliases;
import org.pingppopenapi.sandbox.http.FormBodyFilter;
import org.pingppopenapi.sandbox.http.JsonErrorPages;
import org.pingppopenapi.sandbox.http.LiveKeyRefusal;
import org.pingppopenapi.sandbox.http.SandboxJsonProvider;
import org.pingppopenapi.sandbox.http.ServedInline;
import org.pingppopenapi.sandbox.http.TestModeKeys;
import org.pingppopenapi.sandbox.http.WholeBodyFilter;
import org.pingppopenapi.sandbox.time.RealTimeScheduler;
import org.pingppopenapi.sandbox.time.Scheduler;
import org.pingppopenapi.sandbox.webhook.WebhookDispatcher;
import org.pingppopenapi.sandbox.webhook.WebhookKeys;
import org.pingppopenapi.server.MerchantKeys;
import org.pingppopenapi.server.PingppProviders;
import org.pingppopenapi.signing.PemKeys;

/**
 * A running Ping++ sandbox: every operation of the spec, with state in memory, on an embedded HTTP server.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().webhookUrl(URI.create("http://127.0.0.1:9000/webhooks")).start()) {
 *     PingppClient client = PingppClient.builder().apiKey("sk_test_mine").baseUrl(sandbox.baseUri()).build();
 *     ...
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    /**
     * Jersey warns that each resource instance "does not implement any provider interfaces" because their
     * {@code @Path} sits on the generated interface; they are resources all the same. Held so the level sticks.
     */
    private static final Logger JERSEY_PROVIDER_CHECKS = quiet("org.glassfish.jersey.internal.inject.Providers");

    /** The largest request line and headers together. */
    private static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;
    /** How long a request body may take to arrive, and an answer to be read. */
    static final Duration DEFAULT_REQUEST_BODY_TIMEOUT = Duration.ofSeconds(30);

    private final HttpServer server;
    private final BoundedHttp http;
    private final Scheduler scheduler;
    private final WebhookKeys webhookKeys;
    private final URI baseUri;

    private Sandbox(HttpServer server, BoundedHttp http, Scheduler scheduler, WebhookKeys webhookKeys, URI baseUri) {
        this.server = server;
        this.http = http;
        this.scheduler = scheduler;
        this.webhookKeys = webhookKeys;
        this.baseUri = baseUri;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://<host>:<port>}, without a path: the API is under {@code /v1}, the sandbox's own endpoints under {@code /sandbox}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    /** The key pair webhooks are signed with. */
    public WebhookKeys webhookKeys() {
        return webhookKeys;
    }

    /** The public key to verify webhooks with, as a {@code BEGIN PUBLIC KEY} PEM. */
    public String webhookPublicKeyPem() {
        return webhookKeys.publicKeyPem();
    }

    /** Stops listening, lets requests in progress finish (up to 5 s) and drops pending webhook deliveries. */
    @Override
    public void close() {
        try {
            server.shutdown(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (Exception e) {
            server.shutdownNow();
        } finally {
            http.close();
            scheduler.close();
        }
    }

    /** How many HTTP connections are open now (for tests of the connection limit). */
    int openConnections() {
        return http.openConnections();
    }

    /** Configures a sandbox; every setting has a default. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private URI webhookUrl;
        private Set<String> apiKeys = Set.of();
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler;
        private WebhookKeys webhookKeys;
        private PublicKey merchantPublicKey;
        private final Map<String, PublicKey> merchantPublicKeysByAccount = new HashMap<>();
        private boolean signResponses = true;
        private long maxRequestBodyBytes = PingppProviders.DEFAULT_MAX_REQUEST_BODY_BYTES;
        private int maxAccounts = Accounts.DEFAULT_MAX_ACCOUNTS;
        private int maxObjectsPerAccount = Accounts.DEFAULT_MAX_OBJECTS_PER_ACCOUNT;
        private List<Function<ResourceRegistry, GenericResource>> handWritten = HandWrittenResources.ALL;
        private Duration requestBodyTimeout = DEFAULT_REQUEST_BODY_TIMEOUT;
        private int maxConnections;

        private Builder() {
        }

        /** The address to bind; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one, see {@link Sandbox#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("A port is 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** Where to POST every event, signed; none by default (events are only listed). */
        public Builder webhookUrl(URI webhookUrl) {
            this.webhookUrl = webhookUrl;
            return this;
        }

        /** Accept exactly these {@code sk_test_} keys; by default any well-formed test key. */
        public Builder apiKeys(Set<String> apiKeys) {
            this.apiKeys = Set.copyOf(apiKeys);
            return this;
        }

        /** The clock of creation times, expiry and signature windows; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * What runs webhook deliveries and retries; real time by default. Pass a
         * {@link org.pingppopenapi.sandbox.time.VirtualTime} (also as the {@link #clock}) to run the retry schedule
         * without waiting. The sandbox closes it.
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The webhook signing keys; a new pair by default. */
        public Builder webhookKeys(WebhookKeys webhookKeys) {
            this.webhookKeys = Objects.requireNonNull(webhookKeys, "webhookKeys");
            return this;
        }

        /**
         * Require every request to be signed with the private key of this merchant public key (PEM), but those of
         * an account given a key of its own with {@link #requireSignatures(String, String)}.
         */
        public Builder requireSignatures(String merchantPublicKeyPem) {
            this.merchantPublicKey = PemKeys.publicKey(Objects.requireNonNull(merchantPublicKeyPem, "merchantPublicKeyPem"));
            return this;
        }

        /**
         * Require the requests of the account of {@code apiKey} to be signed with the private key of this merchant
         * public key (PEM), as each Ping++ merchant uploads its own; repeat for other accounts.
         */
        public Builder requireSignatures(String apiKey, String merchantPublicKeyPem) {
            merchantPublicKeysByAccount.put(TestModeKeys.accountId(Objects.requireNonNull(apiKey, "apiKey")),
                    PemKeys.publicKey(Objects.requireNonNull(merchantPublicKeyPem, "merchantPublicKeyPem")));
            return this;
        }

        /**
         * Whether every 2xx answer carries {@code X-Pingplusplus-Signature}, signed with the webhook key, as Ping++
         * signs its answers (pingpp-java 2.5+ verifies them); on by default. An RSA signature costs about a
         * millisecond of CPU, so a load test of the sandbox itself may turn it off.
         */
        public Builder signResponses(boolean signResponses) {
            this.signResponses = signResponses;
            return this;
        }

        /** The largest request body, in bytes (413 above it); 1 MiB by default. */
        public Builder maxRequestBodyBytes(long maxRequestBodyBytes) {
            this.maxRequestBodyBytes = maxRequestBodyBytes;
            return this;
        }

        /**
         * How many accounts (API keys) the sandbox keeps, 100 by default: the first request of one more key forgets
         * the account used least recently, as {@code POST /sandbox/reset} would.
         */
        public Builder maxAccounts(int maxAccounts) {
            if (maxAccounts < 1) {
                throw new IllegalArgumentException("The sandbox keeps at least 1 account, not " + maxAccounts);
            }
            this.maxAccounts = maxAccounts;
            return this;
        }

        /**
         * How many objects one account may make, 10,000 by default: past it, every {@code POST} is refused with 402
         * {@code account_object_limit} until the account is reset. An account keeps as many events.
         */
        public Builder maxObjectsPerAccount(int maxObjectsPerAccount) {
            if (maxObjectsPerAccount < 1) {
                throw new IllegalArgumentException("An account holds at least 1 object, not " + maxObjectsPerAccount);
            }
            this.maxObjectsPerAccount = maxObjectsPerAccount;
            return this;
        }

        /** The resources with behaviour of their own (tests use fewer, to see the generic store serve the rest). */
        Builder handWritten(List<Function<ResourceRegistry, GenericResource>> handWritten) {
            this.handWritten = List.copyOf(handWritten);
            return this;
        }

        /**
         * How long a request's body may take to arrive after its head (408 after that, and the connection closes),
         * and how long an answer may wait for its client to read it before the connection closes; 30 s by default.
         */
        public Builder requestBodyTimeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The request body timeout must be positive, not " + timeout);
            }
            this.requestBodyTimeout = timeout;
            return this;
        }

        /**
         * The most HTTP connections open at once; a connection beyond it is answered 429 and closed. By default one
         * per 4 MiB of the JVM's maximum heap, from 32 to 4096.
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("At least 1 connection must be allowed, not " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /** Each account's own key, else the one for every account (else none: its requests are not signed). */
        private MerchantKeys merchantKeys() {
            Map<String, PublicKey> byAccount = Map.copyOf(merchantPublicKeysByAccount);
            PublicKey everyAccount = merchantPublicKey;
            return account -> Optional.ofNullable(byAccount.getOrDefault(account.name(), everyAccount));
        }

        /**
         * Starts the sandbox and returns once it listens.
         *
         * @throws UncheckedIOException when it cannot listen (the port is taken, the address is not local)
         */
        public Sandbox start() {
            WebhookKeys keys = webhookKeys != null ? webhookKeys : WebhookKeys.generate();
            Scheduler deliveries = scheduler != null ? scheduler : new RealTimeScheduler(2);
            EventDelivery delivery = webhookUrl == null ? EventDelivery.NONE
                    : new WebhookDispatcher(webhookUrl, keys, deliveries);
            Accounts accounts = new Accounts(clock, delivery, webhookUrl == null ? null : webhookUrl.toString(),
                    maxAccounts, maxObjectsPerAccount);
            PingppProviders.Builder providers = PingppProviders.builder(apiKeys.isEmpty() ? TestModeKeys.anyTestKey()
                            : TestModeKeys.only(apiKeys))
                    .clock(clock)
                    .maxRequestBodyBytes(maxRequestBodyBytes);
            if (merchantPublicKey != null || !merchantPublicKeysByAccount.isEmpty()) {
                providers.requireSignatures(merchantKeys());
            }
            if (signResponses) {
                providers.signResponses(keys.privateKey());
            }
            ResourceConfig application = new ResourceConfig()
                    .register(providers.build())
                    .register(new LiveKeyRefusal())
                    .register(new WholeBodyFilter())
                    .register(new FormBodyFilter())
                    .register(new DocumentedAliases())
                    .register(new SandboxJsonProvider())
                    .register(new ObjectLimitFilter(accounts))
                    .register(new SandboxControlResource(accounts, keys.publicKeyPem()))
                    .register(new SandboxChannelResource(accounts))
                    .register(new SandboxWithdrawalsResource(accounts));
            // Every operation of the spec: the hand-written resources, and the generic store for the rest.
            new ResourceRegistry(accounts).resources(handWritten).forEach(application::register);
            HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://" + host + ":" + port + "/"),
                    application, false);
            server.getServerConfiguration().setDefaultErrorPageGenerator(new JsonErrorPages());
            // Grizzly answers a GET or DELETE with a body 400 with no body at all; let it through, to be ignored.
            server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
            BoundedHttp http = new BoundedHttp(MAX_REQUEST_HEAD_BYTES, maxRequestBodyBytes, requestBodyTimeout,
                    maxConnections > 0 ? maxConnections : defaultMaxConnections());
            server.getListeners().forEach(http::install);
            serveInline(server);
            try {
                server.start();
            } catch (IOException e) {
                server.shutdownNow();
                http.close();
                deliveries.close();
                throw new UncheckedIOException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
            NetworkListener listener = server.getListeners().iterator().next();
            return new Sandbox(server, http, deliveries, keys, URI.create("http://" + host + ":" + listener.getPort()));
        }
    }

    /** Wraps Jersey's handler in {@link ServedInline}, which {@link BoundedHttp} makes safe. */
    private static void serveInline(HttpServer server) {
        ServerConfiguration config = server.getServerConfiguration();
        Map<HttpHandler, HttpHandlerRegistration[]> handlers = Map.copyOf(config.getHttpHandlersWithMapping());
        handlers.forEach((handler, mappings) -> {
            config.removeHttpHandler(handler);
            config.addHttpHandler(new ServedInline(handler), mappings);
        });
    }

    /**
     * One connection per 4 MiB of heap, from 32 to 4096: a connection can hold a request body up to the body limit
     * (1 MiB by default) and one unread answer (a page of 100 objects is a few hundred KiB), so all of them together
     * stay within a quarter or so of the heap.
     */
    static int defaultMaxConnections() {
        return (int) Math.max(32, Math.min(4096, Runtime.getRuntime().maxMemory() / (4L * 1024 * 1024)));
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Writes the webhook public key PEM to {@code file}, for receivers that read it from disk. */
    public Path writeWebhookPublicKey(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, webhookPublicKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the webhook public key to " + file, e);
        }
    }
}
