package org.pingppopenapi.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * The HTTP transport under Feign: OkHttp, with every automatic resend switched off, and the response read in full
 * inside {@link #execute}, so that a failure while reading it is an I/O failure of the attempt (which the retryer
 * judges) rather than of decoding.
 *
 * <p>Each attempt records whether it reached the network, i.e. whether a connection was ready and OkHttp started
 * writing the request. A failure before that point (connection refused or timed out, unknown host, TLS handshake)
 * is thrown as {@link RequestNotSentException}: nothing was sent, so any method may be retried. Any other
 * {@link IOException} means the request may have reached the server.
 */
public final class OkHttpTransport implements Client, AutoCloseable {

    private static final byte[] NO_BYTES = new byte[0];

    private final OkHttpClient base;
    private final ConcurrentMap<Timeouts, OkHttpClient> byTimeouts = new ConcurrentHashMap<>();

    public OkHttpTransport(Duration connectTimeout, Duration readTimeout) {
        this.base = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .addNetworkInterceptor(chain -> {
                    Attempt attempt = chain.request().tag(Attempt.class);
                    if (attempt != null) {
                        attempt.reachedNetwork = true;
                    }
                    return chain.proceed(chain.request());
                })
                .build();
        byTimeouts.put(new Timeouts(connectTimeout.toMillis(), readTimeout.toMillis()), base);
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Attempt attempt = new Attempt();
        okhttp3.Request outgoing = toOkHttp(request, attempt);
        try (okhttp3.Response incoming = clientFor(options).newCall(outgoing).execute()) {
            ResponseBody body = incoming.body();
            byte[] bytes = body != null ? body.bytes() : NO_BYTES;
            return Response.builder()
                    .request(request)
                    .status(incoming.code())
                    .reason(incoming.message())
                    .headers(headersOf(incoming.headers()))
                    .body(bytes)
                    .build();
        } catch (IOException e) {
            throw attempt.reachedNetwork ? e : new RequestNotSentException(e);
        }
    }

    private OkHttpClient clientFor(Request.Options options) {
        Timeouts timeouts = new Timeouts(
                options.connectTimeoutUnit().toMillis(options.connectTimeout()),
                options.readTimeoutUnit().toMillis(options.readTimeout()));
        return byTimeouts.computeIfAbsent(timeouts, wanted -> base.newBuilder()
                .connectTimeout(wanted.connectMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(wanted.readMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(wanted.readMillis(), TimeUnit.MILLISECONDS)
                .build());
    }

    private static okhttp3.Request toOkHttp(Request request, Attempt attempt) {
        okhttp3.Request.Builder builder = new okhttp3.Request.Builder()
                .url(HttpUrl.get(request.url()))
                .tag(Attempt.class, attempt);
        String contentType = null;
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Content-Length")) {
                continue;
            }
            for (String value : header.getValue()) {
                if (name.equalsIgnoreCase("Content-Type")) {
                    contentType = value;
                }
                builder.addHeader(name, value);
            }
        }
        byte[] body = request.body();
        String method = request.httpMethod().name();
        boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (body == null && needsBody) {
            body = NO_BYTES;
        }
        MediaType mediaType = contentType != null ? MediaType.parse(contentType) : null;
        builder.method(method, body != null ? RequestBody.create(body, mediaType) : null);
        return builder.build();
    }

    private static Map<String, Collection<String>> headersOf(Headers headers) {
        return new LinkedHashMap<>(headers.toMultimap());
    }

    /** Releases the connection pool and the dispatcher's threads. */
    @Override
    public void close() {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    private record Timeouts(long connectMillis, long readMillis) {
    }

    /** Per-attempt state, attached to the OkHttp request as a tag. */
    private static final class Attempt {
        volatile boolean reachedNetwork;
    }
}
