package org.pingppopenapi.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The request-signing vectors computed with openssl over the SDKs' demo key (PKCS#1 v1.5 is deterministic). */
class RequestSigningTest {

    private static final PrivateKey PKCS1 = PemKeys.privateKey(Vectors.text("merchant-demo-your_rsa_private_key_pkcs1.pem"));
    private static final PrivateKey PKCS8 = PemKeys.privateKey(Vectors.text("merchant-demo-your_rsa_private_key_pkcs8.pem"));
    private static final PublicKey PUBLIC = PemKeys.publicKey(Vectors.text("merchant-demo-your_rsa_public_key.pem"));

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("POST with a body", "{\"amount\":100}", "/v1/charges", "1700000000",
                        "ot555i9jmNYxgFUGxcZ7YB7QbQlJZL/unHCqVvnQF2clSg94yzKLzikO7L4njSx1ncwCJlU+jA5QqZzW1oHgw7nksDZeMElTZ7+iboZTScYb0ylfm4RGh0kkyXnLH+Cji6+3AhBtQwQ8n9aeVu5Uk0hPdhFu/u/jjZ9o81fg5axc5JZNIBT7s1Bfs0XW7eP5F0M10UgIVZmNwViiA1HyZLT5X0IByFKX3sw4RfV/whokC/R+H7O3vNc7rynw2GTWP3LLIQ5Wjq08yE2zVM1kl7V8Pj/PrcaGp+gx+CmKUvsvWP9W8nO+t8UMvoYNN5VRUzvFrgltqw9WljQDNXTiQQ=="),
                Arguments.of("GET with a query", "", "/v1/charges?app%5Bid%5D=app_1Gqj58ynP0mHeX1q&limit=3", "1700000000",
                        "PwxRtLjwJoItsQiWSejpzIbm+OVe61V8oiTzZ0yF6iK6Lt5XvDkUrwvJ39IbKkeSWNbFo51V3yEDtW0IeUHuPR+K0kINljbNkhPcTbkAi1WdPRFTyg7DRWQc7ae5pWbhfGGgklhE/GI3hJl7QVKvJJxpkxtw9fFHNGxtm/3++zgcIhcWL8McEopAz1R5X/UU55k8OD2mZw4Tfk5lToch9GH6+iNbkabg1FbFOE8WVvfKT2tKzmDpjrGsI/jOw7SWYA+4wXWfpgXFgp7Z33ktM4ilHA0CB06XovIkEmiq7GbdXOvy6HishXAOnMoQePtBZTRyC1FsFtd3zfBFElAAxw=="),
                Arguments.of("POST with a UTF-8 body", "{\"subject\":\"测试\"}", "/v1/charges", "1700000000",
                        "OGe+D2oMARsDlVMCtXTNq6rvpbAdZC//MG5CdbbhjdBYBSZrblJBIM/8wAsfhmCvYHYVP7akCJi+3GawFQwuD+28SkViQxgloGcfd5Q5QXkMGu9ID5eCOKzOvFtwcwAdiB+iRchLT5e4WFBL+2L/vBQhDRJv8Z40+begwoSVmrKBuBP8l9Ub3M+4Oy1doUapUbOhdj3du6i88No+qrIyITyXjc4DOdgVbBVEwAIpLDlvLzubS2HHx8sOyIdfrzD1+PF+NGwojq1hOmcKbbxvMmfz1Dd/nQhQ5bl4wAxLrCEQBLBFmMr2/0U1sXrxfxbTxdijFZFPhdH2DmOewQ5MgA=="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signaturesMatchTheVectorsWithEitherKeyForm(String name, String body, String uri, String timestamp, String expected) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(RequestSigning.sign(PKCS1, bytes, uri, timestamp)).isEqualTo(expected);
        assertThat(RequestSigning.sign(PKCS8, bytes, uri, timestamp)).isEqualTo(expected);
        assertThat(RequestSigning.verify(PUBLIC, expected, bytes, uri, timestamp)).isTrue();
    }

    @Test
    void aSignatureCoversBodyUriAndTimestamp() {
        byte[] body = "{\"amount\":100}".getBytes(StandardCharsets.UTF_8);
        String signature = RequestSigning.sign(PKCS1, body, "/v1/charges", "1700000000");

        assertThat(RequestSigning.verify(PUBLIC, signature, "{\"amount\":101}".getBytes(StandardCharsets.UTF_8), "/v1/charges", "1700000000")).isFalse();
        assertThat(RequestSigning.verify(PUBLIC, signature, body, "/v1/charges?limit=3", "1700000000")).isFalse();
        assertThat(RequestSigning.verify(PUBLIC, signature, body, "/v1/charges", "1700000001")).isFalse();
    }

    @Test
    void aBodylessRequestSignsUriAndTimestampOnly() {
        assertThat(RequestSigning.sign(PKCS1, null, "/v1/events", "1700000000"))
                .isEqualTo(RequestSigning.sign(PKCS1, new byte[0], "/v1/events", "1700000000"));
        assertThat(new String(RequestSigning.stringToSign(null, "/v1/events", "1700000000"), StandardCharsets.UTF_8))
                .isEqualTo("/v1/events1700000000");
    }

    @Test
    void missingOrMalformedSignaturesNeverVerify() {
        byte[] body = new byte[0];
        for (String signature : new String[] {null, "", "  ", "not base64!", "AAAA"}) {
            assertThat(RequestSigning.verify(PUBLIC, signature, body, "/v1/charges", "1700000000")).as(String.valueOf(signature)).isFalse();
        }
        assertThat(RequestSigning.verify(PUBLIC, "AAAA", body, null, "1700000000")).isFalse();
    }
}
