package org.pingppopenapi.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import org.pingppopenapi.signing.RequestSigning;

/**
 * Signs each attempt of a request with the merchant's private key, as the last step before the transport, where the
 * body bytes and the URL are final (a resend is signed again, with a fresh timestamp).
 *
 * <p>The signed request URI is taken from the URL as OkHttp will write it on the request line
 * ({@code encodedPath} and {@code encodedQuery} of {@link HttpUrl}), and the request handed on carries that very URL,
 * so the signature covers exactly what is sent.
 */
public final class SigningClient implements Client {

    private final Client transport;
    private final PrivateKey merchantKey;
    private final Clock clock;

    public SigningClient(Client transport, PrivateKey merchantKey, Clock clock) {
        this.transport = transport;
        this.merchantKey = merchantKey;
        this.clock = clock;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpUrl url = HttpUrl.get(request.url());
        String requestUri = url.encodedQuery() == null ? url.encodedPath() : url.encodedPath() + "?" + url.encodedQuery();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        byte[] body = request.body();
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.put(RequestSigning.TIMESTAMP_HEADER, List.of(timestamp));
        headers.put(RequestSigning.SIGNATURE_HEADER,
                List.of(RequestSigning.sign(merchantKey, body, requestUri, timestamp)));
        Request signed = Request.create(request.httpMethod(), url.toString(), headers, body, request.charset(),
                request.requestTemplate());
        return transport.execute(signed, options);
    }

    @Override
    public String toString() {
        return "SigningClient[" + merchantKey.getAlgorithm() + " key]";
    }
}
