package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.AuthenticationException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.RequestSigning;

/**
 * With {@code --merchant-public-key}, every request must carry a valid {@code Pingplusplus-Signature}: the client's
 * signed requests pass, unsigned ones get 401. A form body is checked as it was sent, before it becomes JSON.
 */
class RequestSignaturesTest {

    private static Sandbox sandbox;
    private static String privateKeyPem;

    @BeforeAll
    static void start() {
        Path vectors = Path.of(System.getProperty("pingpp.root", "..")).resolve("test-vectors");
        privateKeyPem = read(vectors.resolve("merchant-demo-your_rsa_private_key_pkcs8.pem"));
        sandbox = Sandbox.builder().requireSignatures(read(vectors.resolve("merchant-demo-your_rsa_public_key.pem"))).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theClientsSignedRequestsPassAndUnsignedOnesAreRefused() {
        String key = Fixtures.newKey();
        PingppClient signing = PingppClient.builder().apiKey(key).privateKey(privateKeyPem).baseUrl(sandbox.baseUri())
                .maxRetries(0).build();
        PingppClient unsigned = Fixtures.client(sandbox, key);

        Charge charge = signing.charges().create(Fixtures.upacpCharge(100));

        assertThat(charge.getPaid()).isFalse();
        assertThatThrownBy(() -> unsigned.charges().create(Fixtures.upacpCharge(100)))
                .isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((AuthenticationException) e).code()).isEqualTo("signature_missing"));
    }

    @Test
    void aSignedFormBodyIsCheckedAsItWasSent() {
        String form = "order_no=" + Fixtures.orderNo() + "&amount=100&app[id]=app_1Gqj58ynP0mHeX1q&channel=upacp&currency=cny"
                + "&client_ip=127.0.0.1&subject=Your Subject&body=Your Body&metadata[color]=red";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String signature = RequestSigning.sign(PemKeys.privateKey(privateKeyPem), body, "/v1/charges", timestamp);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), Fixtures.newKey());

        SandboxHttp.Answer signed = SandboxHttp.send(http.request("/v1/charges")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(RequestSigning.TIMESTAMP_HEADER, timestamp)
                .header(RequestSigning.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        SandboxHttp.Answer tampered = SandboxHttp.send(http.request("/v1/charges")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(RequestSigning.TIMESTAMP_HEADER, timestamp)
                .header(RequestSigning.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(form.replace("amount=100", "amount=999"))));

        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().at("/metadata/color").asText()).isEqualTo("red");
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.error().get("code").asText()).isEqualTo("signature_invalid");
    }

    @Test
    void theJdkClientsDefaultUpgradeToHttp2DoesNotHangTheSignatureCheck() throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = RequestSigning.sign(PemKeys.privateKey(privateKeyPem), null, "/v1/events", timestamp);

        HttpResponse<String> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/v1/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", SandboxHttp.basic(Fixtures.newKey()))
                .header(RequestSigning.TIMESTAMP_HEADER, timestamp)
                .header(RequestSigning.SIGNATURE_HEADER, signature)
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
