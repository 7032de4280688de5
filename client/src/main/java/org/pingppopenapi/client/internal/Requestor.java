package org.pingppopenapi.client.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.pingppopenapi.client.ApiConnectionException;
import org.pingppopenapi.client.ApiException;
import org.pingppopenapi.client.AuthScheme;
import org.pingppopenapi.client.ErrorResponse;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PreflightMode;
import org.pingppopenapi.client.RequestOptions;
import org.pingppopenapi.client.SignatureVerificationException;
import org.pingppopenapi.signing.RequestSigning;
import org.pingppopenapi.signing.WebhookSignature;
import org.pingppopenapi.validator.Violation;

/**
 * Makes every call of the client, synchronous or not, the same way:
 * <ol>
 *   <li>the call's options are the client's, changed by its {@code RequestOptions};</li>
 *   <li>the {@link Preflight} checks run, and the body is written as JSON, once;</li>
 *   <li>each attempt is signed (when a merchant key is set) over exactly the bytes and URI sent, with a fresh
 *       timestamp, and sent with the call's timeouts;</li>
 *   <li>after each attempt the {@link RetryPolicy} decides whether to send it again: never a POST or PUT that may
 *       have reached the server;</li>
 *   <li>the last attempt's outcome becomes the result: a 2xx body (its {@code X-Pingplusplus-Signature} verified
 *       first when a Ping++ public key is set) read by the {@link Operation}, or the exception of its kind.</li>
 * </ol>
 * A synchronous call waits for each attempt and sleeps between them; an asynchronous one enqueues each attempt on
 * OkHttp's dispatcher and schedules the next. Everything else is shared. Thread-safe.
 */
public final class Requestor {

    public static final String[] NO_PATH = new String[0];

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_BYTES = new byte[0];

    /** Applies each attempt's timeouts (the call's options) to OkHttp's chain, when they are not already its own. */
    private static final Interceptor TIMEOUTS = chain -> {
        Attempt attempt = chain.request().tag(Attempt.class);
        if (attempt == null || attempt.connectMillis == chain.connectTimeoutMillis()
                && attempt.readMillis == chain.readTimeoutMillis() && attempt.readMillis == chain.writeTimeoutMillis()) {
            return chain.proceed(chain.request());
        }
        return chain.withConnectTimeout(attempt.connectMillis, TimeUnit.MILLISECONDS)
                .withReadTimeout(attempt.readMillis, TimeUnit.MILLISECONDS)
                .withWriteTimeout(attempt.readMillis, TimeUnit.MILLISECONDS)
                .proceed(chain.request());
    };

    /**
     * Notes that an attempt reached the network: OkHttp runs network interceptors once a connection is ready, just
     * before the request is written. A failure before that point sent nothing, so any method may be retried.
     */
    private static final Interceptor REACHED_NETWORK = chain -> {
        Attempt attempt = chain.request().tag(Attempt.class);
        if (attempt != null) {
            attempt.reachedNetwork = true;
        }
        return chain.proceed(chain.request());
    };

    private final ClientSettings settings;
    private final OkHttpClient http;
    private final BooleanSupplier closed;
    private final Preflight preflight;
    private final HttpLog log;
    private final CallOptions defaults;

    public Requestor(ClientSettings settings, OkHttpClient http, BooleanSupplier closed) {
        this.settings = settings;
        this.http = http;
        this.closed = closed;
        this.log = new HttpLog(settings.logger(), settings.logBodies());
        this.preflight = new Preflight(settings.clock(), settings.clockSkewAllowance(), log);
        this.defaults = new CallOptions(settings.apiKey(), authorization(settings.authScheme(), settings.apiKey()),
                settings.appId(), millis(settings.connectTimeout()), millis(settings.readTimeout()),
                headers(settings.headers(), Map.of(), settings.pingppVersion()), settings.preflight());
    }

    /**
     * The OkHttp client calls go through: the given one (or a new one) with the client's interceptors, and without
     * OkHttp's own resends and redirects (a resent POST could charge twice; a redirect would carry the key elsewhere).
     * The returned client shares the given one's connection pool, dispatcher, proxy, TLS and interceptors; its
     * timeouts are the client's defaults, which a call's options change.
     */
    public static OkHttpClient httpClient(OkHttpClient given, java.net.Proxy proxy, Duration connectTimeout,
            Duration readTimeout) {
        OkHttpClient.Builder builder;
        if (given != null) {
            builder = given.newBuilder();
        } else {
            okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
            // Asynchronous calls all go to one host: allow as many at once as a connection pool keeps alive.
            dispatcher.setMaxRequestsPerHost(64);
            dispatcher.setMaxRequests(128);
            builder = new OkHttpClient.Builder().dispatcher(dispatcher);
        }
        if (proxy != null) {
            builder.proxy(proxy);
        }
        return builder.retryOnConnectionFailure(false)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(TIMEOUTS)
                .addNetworkInterceptor(REACHED_NETWORK)
                .build();
    }

    /** Makes a call and waits for its result. */
    public <T> T execute(Operation<T> operation, String[] path, Query query, Object body, RequestOptions options) {
        Exchange<T> exchange = new Exchange<>(operation, path, query, body, options);
        for (int number = 1; ; number++) {
            Attempt attempt = exchange.attempt(number);
            Outcome outcome;
            try (Response response = http.newCall(attempt.request).execute()) {
                outcome = exchange.answered(attempt, response);
            } catch (IOException failure) {
                outcome = exchange.failed(attempt, failure);
            }
            Duration delay = exchange.retryDelay(outcome);
            if (delay == null) {
                return exchange.result(outcome);
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return exchange.result(outcome);
            }
        }
    }

    /**
     * Makes a call and returns at once. The future completes with what {@link #execute} would return or throw;
     * cancelling it cancels the attempt under way and any later one.
     */
    public <T> CompletableFuture<T> executeAsync(Operation<T> operation, String[] path, Query query, Object body,
            RequestOptions options) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            send(new Exchange<>(operation, path, query, body, options), 1, future);
        } catch (RuntimeException refused) {
            future.completeExceptionally(refused);
        }
        return future;
    }

    private <T> void send(Exchange<T> exchange, int number, CompletableFuture<T> future) {
        if (future.isDone()) {
            return;
        }
        Attempt attempt = exchange.attempt(number);
        Call call = http.newCall(attempt.request);
        future.whenComplete((result, failure) -> {
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException failure) {
                settle(exchange, exchange.failed(attempt, failure), future);
            }

            @Override
            public void onResponse(Call answered, Response response) {
                Outcome outcome;
                try (response) {
                    outcome = exchange.answered(attempt, response);
                } catch (IOException failure) {
                    outcome = exchange.failed(attempt, failure);
                }
                settle(exchange, outcome, future);
            }
        });
    }

    private <T> void settle(Exchange<T> exchange, Outcome outcome, CompletableFuture<T> future) {
        try {
            Duration delay = exchange.retryDelay(outcome);
            if (delay == null) {
                future.complete(exchange.result(outcome));
            } else {
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> {
                            try {
                                send(exchange, outcome.attempt + 1, future);
                            } catch (RuntimeException refused) {
                                future.completeExceptionally(refused);
                            }
                        });
            }
        } catch (Throwable failure) {
            future.completeExceptionally(failure);
        }
    }

    @Override
    public String toString() {
        return settings.description();
    }

    /** The options of one call: the client's, changed by the call's {@code RequestOptions}. */
    private record CallOptions(String apiKey, String authorization, String appId, int connectMillis, int readMillis,
            Headers headers, PreflightMode preflight) {
    }

    private CallOptions optionsOf(RequestOptions options) {
        if (options == null) {
            return defaults;
        }
        String apiKey = defaults.apiKey;
        String authorization = defaults.authorization;
        if (options.apiKey() != null) {
            apiKey = options.apiKey();
            authorization = authorization(settings.authScheme(), apiKey);
        }
        Headers headers = defaults.headers;
        if (!options.headers().isEmpty() || options.pingppVersion() != null) {
            headers = headers(settings.headers(), options.headers(), options.pingppVersion() != null
                    ? options.pingppVersion() : settings.pingppVersion());
        }
        return new CallOptions(apiKey, authorization,
                options.appId() != null ? options.appId() : defaults.appId,
                options.connectTimeout() != null ? millis(options.connectTimeout()) : defaults.connectMillis,
                options.readTimeout() != null ? millis(options.readTimeout()) : defaults.readMillis,
                headers, options.preflight() != null ? options.preflight() : defaults.preflight);
    }

    private Headers headers(Map<String, String> client, Map<String, String> call, String version) {
        Headers.Builder headers = new Headers.Builder()
                .add("User-Agent", settings.userAgent())
                .add("Accept", "application/json");
        client.forEach(headers::set);
        call.forEach(headers::set);
        if (version != null) {
            headers.set("Pingplusplus-Version", version);
        }
        return headers.build();
    }

    private static String authorization(AuthScheme scheme, String apiKey) {
        return switch (scheme) {
            case BEARER -> "Bearer " + apiKey;
            case BASIC -> "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        };
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    /** One attempt: the request as sent, with its timeouts, and whether it reached the network. */
    private static final class Attempt {
        final int number;
        final int connectMillis;
        final int readMillis;
        final long startNanos = System.nanoTime();
        Request request;
        volatile boolean reachedNetwork;

        Attempt(int number, int connectMillis, int readMillis) {
            this.number = number;
            this.connectMillis = connectMillis;
            this.readMillis = readMillis;
        }
    }

    /** How an attempt ended: an answer (status, headers, body), or an I/O failure. */
    private record Outcome(int attempt, long startNanos, int status, Headers headers, byte[] body, IOException failure,
            boolean reachedNetwork) {

        boolean successful() {
            return failure == null && status >= 200 && status < 300;
        }
    }

    /** One call, prepared once and sent as many times as the retry policy allows. */
    private final class Exchange<T> {

        private final Operation<T> operation;
        private final String[] path;
        private final Query query;
        private final Object body;
        private final RequestOptions requestOptions;
        private final CallOptions options;
        private final HttpUrl url;
        private final byte[] bytes;
        private String target;

        Exchange(Operation<T> operation, String[] path, Query query, Object body, RequestOptions requestOptions) {
            if (closed.getAsBoolean()) {
                throw new IllegalStateException(settings.description() + " is closed");
            }
            this.operation = operation;
            this.path = path;
            this.query = query;
            this.body = body;
            this.requestOptions = requestOptions;
            this.options = optionsOf(requestOptions);
            if (options.apiKey != null && ClientSettings.isLiveKey(options.apiKey) && !settings.liveKeyAllowed()) {
                throw new IllegalArgumentException("A live key is sent only over https to the Ping++ API, not to "
                        + settings.baseUrl() + "; say PingppClient.builder().allowLiveKeyAtBaseUrl() to allow it");
            }
            preflight.check(operation, path, options.appId, query, body, options.preflight);
            this.url = url();
            this.bytes = bytes();
            if (bytes != null) {
                log.request(operation, target(), bytes, options.apiKey);
            }
        }

        private HttpUrl url() {
            HttpUrl.Builder url = settings.baseUrl().newBuilder();
            int argument = 0;
            String[] segments = operation.segments;
            for (int i = 0; i < segments.length; i++) {
                if (segments[i] != null) {
                    url.addPathSegment(segments[i]);
                } else if (i == operation.appSegment) {
                    url.addPathSegment(options.appId);
                } else {
                    url.addPathSegment(path[argument++]);
                }
            }
            query.appendTo(url);
            return url.build();
        }

        private byte[] bytes() {
            String method = operation.method;
            if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
                return null;
            }
            if (body == null) {
                // An operation the spec gives no body is sent with none, as pingpp-go and -php send charge and transfer
                // reverse (pingpp-java's {} is a body the spec does not declare, and Prism refuses it with 415). An
                // optional body left out is the empty object.
                return operation.takesBody ? EMPTY_OBJECT : NO_BYTES;
            }
            try {
                return Json.REQUEST_MAPPER.writeValueAsBytes(body);
            } catch (IOException e) {
                String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                        ? json.getOriginalMessage() : e.getMessage();
                throw new InvalidRequestException(List.of(new Violation("$", "client.encodable",
                        "The request body cannot be written as JSON: " + why)));
            }
        }

        /** The request URI as sent: the encoded path, and the encoded query when there is one. */
        String target() {
            if (target == null) {
                String encodedQuery = url.encodedQuery();
                target = encodedQuery == null ? url.encodedPath() : url.encodedPath() + "?" + encodedQuery;
            }
            return target;
        }

        Attempt attempt(int number) {
            if (closed.getAsBoolean()) {
                throw new IllegalStateException(settings.description() + " is closed");
            }
            Attempt attempt = new Attempt(number, options.connectMillis, options.readMillis);
            Request.Builder request = new Request.Builder()
                    .url(url)
                    .headers(options.headers)
                    .header("Authorization", options.authorization)
                    .method(operation.method, bytes != null ? RequestBody.create(bytes, JSON) : null)
                    .tag(Attempt.class, attempt);
            if (settings.merchantKey() != null) {
                String timestamp = Long.toString(settings.clock().instant().getEpochSecond());
                request.header(RequestSigning.TIMESTAMP_HEADER, timestamp)
                        .header(RequestSigning.SIGNATURE_HEADER, RequestSigning.sign(settings.merchantKey(),
                                bytes != null ? bytes : NO_BYTES, target(), timestamp));
            }
            attempt.request = request.build();
            return attempt;
        }

        Outcome answered(Attempt attempt, Response response) throws IOException {
            ResponseBody body = response.body();
            byte[] read = body != null ? body.bytes() : NO_BYTES;
            return new Outcome(attempt.number, attempt.startNanos, response.code(), response.headers(), read, null, true);
        }

        Outcome failed(Attempt attempt, IOException failure) {
            return new Outcome(attempt.number, attempt.startNanos, 0, null, null, failure, attempt.reachedNetwork);
        }

        /** How long to wait before the next attempt, or null when this outcome is the result. Logs the attempt. */
        Duration retryDelay(Outcome outcome) {
            Duration delay = decide(outcome);
            if (log.enabled()) {
                if (outcome.failure != null) {
                    log.failure(operation, target(), outcome.attempt, outcome.startNanos, outcome.failure,
                            outcome.reachedNetwork, delay != null);
                } else {
                    log.answer(operation, target(), outcome.attempt, outcome.startNanos, outcome.status, outcome.body,
                            delay != null, options.apiKey);
                }
            }
            return delay;
        }

        private Duration decide(Outcome outcome) {
            RetryPolicy policy = settings.retryPolicy();
            if (outcome.attempt > policy.maxRetries()) {
                return null;
            }
            if (outcome.failure != null) {
                boolean harmless = !outcome.reachedNetwork || operation.idempotent;
                return harmless ? policy.delayBefore(outcome.attempt, ThreadLocalRandom.current()::nextDouble) : null;
            }
            if (!operation.idempotent || !RetryPolicy.isRetryableStatus(outcome.status)) {
                return null;
            }
            Duration delay = policy.delayBefore(outcome.attempt, ThreadLocalRandom.current()::nextDouble);
            Long retryAfter = ErrorResponses.retryAfter(outcome.headers.get("Retry-After"),
                    settings.clock().millis());
            if (retryAfter != null) {
                Duration asked = Duration.ofMillis(Math.max(0, retryAfter - settings.clock().millis()));
                if (asked.compareTo(policy.maxDelay()) > 0) {
                    return null;
                }
                delay = asked.compareTo(delay) > 0 ? asked : delay;
            }
            return delay;
        }

        T result(Outcome outcome) {
            if (outcome.failure != null) {
                throw connectionFailure(outcome);
            }
            if (!outcome.successful()) {
                throw ErrorResponses.toException(outcome.status, outcome.body, headersOf(outcome.headers), options.apiKey);
            }
            if (settings.pingppPublicKey() != null) {
                verifySignature(outcome);
            }
            try {
                return operation.decoder.decode(outcome.body, query,
                        next -> execute(operation, path, next, body, requestOptions));
            } catch (IOException unreadable) {
                String why = unreadable instanceof com.fasterxml.jackson.core.JsonProcessingException json
                        ? json.getOriginalMessage() : unreadable.getMessage();
                throw new ApiException("HTTP " + outcome.status + ": the answer is not a readable " + operation.answer
                        + " (" + operation.id + "): " + why,
                        new ErrorResponse(outcome.status, null, null, null, null,
                                new String(outcome.body, StandardCharsets.UTF_8), headersOf(outcome.headers)),
                        null);
            }
        }

        private void verifySignature(Outcome outcome) {
            List<String> signatures = outcome.headers.values(WebhookSignature.HEADER);
            String problem = null;
            if (signatures.size() != 1) {
                problem = signatures.isEmpty() ? "carries no " + WebhookSignature.HEADER
                        : "carries " + signatures.size() + " " + WebhookSignature.HEADER + " headers";
            } else if (!WebhookSignature.verify(settings.pingppPublicKey(), outcome.body, signatures.get(0).strip())) {
                problem = "is not signed by the Ping++ key in " + WebhookSignature.HEADER;
            }
            if (problem != null) {
                throw new SignatureVerificationException("The answer of " + operation.id + " (HTTP " + outcome.status
                        + ") " + problem + ": it was not read",
                        new ErrorResponse(outcome.status, null, null, null, null, "", headersOf(outcome.headers)));
            }
        }

        private ApiConnectionException connectionFailure(Outcome outcome) {
            IOException failure = outcome.failure;
            String what = failure.getClass().getSimpleName() + (failure.getMessage() != null ? ": " + failure.getMessage() : "");
            String message;
            if (!outcome.reachedNetwork) {
                message = "Could not connect to Ping++ (" + what + "); the request was not sent";
            } else if (operation.idempotent) {
                message = "No answer from Ping++ (" + what + ")";
            } else {
                message = "No answer from Ping++ (" + what + "); the " + operation.method + " may have reached the"
                        + " server and was not resent. Check its outcome (e.g. by order_no) before trying again";
            }
            return new ApiConnectionException(message, outcome.reachedNetwork, failure);
        }
    }

    /** The headers with their names as received. */
    private static Map<String, List<String>> headersOf(Headers headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            map.computeIfAbsent(headers.name(i), name -> new ArrayList<>()).add(headers.value(i));
        }
        return map;
    }
}
