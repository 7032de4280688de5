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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.RequestSigning;

/**
 * With {@code --merchant-public-key}, every request must carry a valid {@code Pingplusplus-Signature}: the client's
 * signed requests pass, unsigned ones get the live API's 400 {@code invalid_request_error}, and a signed POST is
 * carried out once. A form body is checked as it was sent, before it becomes JSON. An account can have a merchant
 * key of its own.
 */
class RequestSignaturesTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final String OWN_KEY_ACCOUNT = Fixtures.newKey();
    private static final KeyPair OWN_KEYS = freshKeyPair();

    private static Sandbox sandbox;
    private static String privateKeyPem;

    @BeforeAll
    static void start() {
        Path vectors = Path.of(System.getProperty("pingpp.root", "..")).resolve("test-vectors");
        privateKeyPem = read(vectors.resolve("merchant-demo-your_rsa_private_key_pkcs8.pem"));
        sandbox = Sandbox.builder()
                .requireSignatures(read(vectors.resolve("merchant-demo-your_rsa_public_key.pem")))
                .requireSignatures(OWN_KEY_ACCOUNT, publicKeyPem(OWN_KEYS))
                .start();
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
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(400);
                    assertThat(refused.code()).isEqualTo("signature_missing");
                    assertThat(refused.param()).isEqualTo(RequestSigning.SIGNATURE_HEADER);
                });
    }

    @Test
    void aSignedFormBodyIsCheckedAsItWasSent() {
        String form = Fixtures.upacpChargeForm(100);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = RequestSigning.sign(PemKeys.privateKey(privateKeyPem), form.getBytes(StandardCharsets.UTF_8),
                "/v1/charges", timestamp);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), Fixtures.newKey());

        SandboxHttp.Answer signed = http.postSigned("/v1/charges", FORM, form, timestamp, signature);
        SandboxHttp.Answer tampered = http.postSigned("/v1/charges", FORM, form.replace("amount=100", "amount=999"),
                timestamp, signature);

        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().at("/metadata/color").asText()).isEqualTo("red");
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.error().get("code").asText()).isEqualTo("signature_invalid");
    }

    /** The replay the issue names: the bytes of a signed refund, captured and sent again, refund nothing more. */
    @Test
    void aSignedRefundSentAgainIsRefusedAndRefundsNothingMore() {
        String key = Fixtures.newKey();
        PingppClient signing = PingppClient.builder().apiKey(key).privateKey(privateKeyPem).baseUrl(sandbox.baseUri())
                .maxRetries(0).build();
        Charge charge = signing.charges().create(Fixtures.upacpCharge(100));
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        signedPost(http, "/sandbox/charges/" + charge.getId() + "/pay", "");
        String path = "/v1/charges/" + charge.getId() + "/refunds";
        String refund = "{\"amount\":30,\"description\":\"once\"}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = RequestSigning.sign(PemKeys.privateKey(privateKeyPem), refund.getBytes(StandardCharsets.UTF_8),
                path, timestamp);

        SandboxHttp.Answer first = http.postSigned(path, JSON, refund, timestamp, signature);
        SandboxHttp.Answer replayed = http.postSigned(path, JSON, refund, timestamp, signature);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(400);
        assertThat(replayed.error().get("code").asText()).isEqualTo("signature_replayed");
        assertThat(signing.charges().retrieve(charge.getId()).getAmountRefunded()).isEqualTo(30L);
    }

    @Test
    void anAccountWithAKeyOfItsOwnSignsWithItAndNoOtherKey() {
        PingppClient ownKey = PingppClient.builder().apiKey(OWN_KEY_ACCOUNT).privateKey(privateKeyPem(OWN_KEYS))
                .baseUrl(sandbox.baseUri()).maxRetries(0).build();
        PingppClient sharedKey = PingppClient.builder().apiKey(OWN_KEY_ACCOUNT).privateKey(privateKeyPem)
                .baseUrl(sandbox.baseUri()).maxRetries(0).build();

        assertThat(ownKey.charges().create(Fixtures.upacpCharge(100)).getPaid()).isFalse();
        assertThatThrownBy(() -> sharedKey.charges().create(Fixtures.upacpCharge(100)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        refused -> assertThat(refused.code()).isEqualTo("signature_invalid"));
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

    /** A signed POST that must succeed. */
    private static void signedPost(SandboxHttp http, String path, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        SandboxHttp.ok(http.postSigned(path, JSON, body, timestamp, RequestSigning.sign(
                PemKeys.privateKey(privateKeyPem), body.getBytes(StandardCharsets.UTF_8), path, timestamp)));
    }


    private static KeyPair freshKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyPem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String privateKeyPem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
