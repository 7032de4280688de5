package org.pingppopenapi.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import feign.Client;
import feign.Feign;
import feign.RequestInterceptor;
import feign.Response;
import feign.Retryer;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pingppopenapi.signing.RequestSigning;
import org.pingppopenapi.spec.PingppSpec;

/**
 * Builds the generated Feign interfaces against a server, as an integration would: the API key as Bearer token,
 * optionally a request signature made after the body is encoded, no retries. Every exchange is recorded as it
 * went over the wire, so it can be validated against the spec.
 */
final class FeignClients {

    /** One request and the response to it, as sent and received. */
    record Exchange(String method, URI uri, int status, Map<String, Collection<String>> headers, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final OpenApiInteractionValidator SPEC_VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(realSpec())
            .build();

    private final URI baseUri;
    private final String apiKey;
    private final PrivateKey signingKey;
    private final Clock clock;
    private final ObjectMapper mapper = clientMapper();
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    FeignClients(URI baseUri, String apiKey, PrivateKey signingKey, Clock clock) {
        this.baseUri = baseUri;
        this.apiKey = apiKey;
        this.signingKey = signingKey;
        this.clock = clock;
    }

    static ObjectMapper clientMapper() {
        return JsonMapper.builder()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    <T> T api(Class<T> type) {
        Feign.Builder builder = Feign.builder()
                .client(new RecordingClient(new Client.Default(null, null)))
                .encoder(new JacksonEncoder(mapper))
                .decoder(new JacksonDecoder(mapper))
                .retryer(Retryer.NEVER_RETRY)
                .options(new feign.Request.Options(5, TimeUnit.SECONDS, 30, TimeUnit.SECONDS, true))
                .requestInterceptor(template -> template.header("Authorization", "Bearer " + apiKey));
        if (signingKey != null) {
            builder.requestInterceptor(signer());
        }
        return builder.target(type, baseUri.toString());
    }

    /** Signs what Feign sends: the encoded body, then the relative URL with its encoded query, then the timestamp. */
    private RequestInterceptor signer() {
        return template -> {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            template.header(RequestSigning.TIMESTAMP_HEADER, timestamp);
            template.header(RequestSigning.SIGNATURE_HEADER,
                    RequestSigning.sign(signingKey, template.body(), template.url(), timestamp));
        };
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    Exchange lastExchange() {
        return exchanges.get(exchanges.size() - 1);
    }

    /** Validates a response against the real spec ({@code spec/pingpp-openapi.yaml}), for the operation it answered. */
    static ValidationReport validateResponse(Exchange exchange) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status()).withBody(exchange.bodyText());
        exchange.headers().forEach((name, values) -> response.withHeader(name, new ArrayList<>(values)));
        return SPEC_VALIDATOR.validateResponse(exchange.uri().getPath(), Request.Method.valueOf(exchange.method()),
                response.build());
    }

    private static String realSpec() {
        try (InputStream in = PingppSpec.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class RecordingClient implements Client {

        private final Client delegate;

        RecordingClient(Client delegate) {
            this.delegate = delegate;
        }

        @Override
        public Response execute(feign.Request request, feign.Request.Options options) throws IOException {
            Response response = delegate.execute(request, options);
            byte[] body;
            try (InputStream in = response.body() == null ? InputStream.nullInputStream() : response.body().asInputStream()) {
                body = in.readAllBytes();
            }
            exchanges.add(new Exchange(request.httpMethod().name(), URI.create(request.url()), response.status(),
                    response.headers(), body));
            return response.toBuilder().body(body).build();
        }
    }
}
