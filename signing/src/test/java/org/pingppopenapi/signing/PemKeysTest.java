package org.pingppopenapi.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

class PemKeysTest {

    private static final String PKCS1 = Vectors.text("merchant-demo-your_rsa_private_key_pkcs1.pem");
    private static final String HEADERLESS_PKCS8 = Vectors.text("merchant-demo-your_rsa_private_key_pkcs8.pem");
    private static final String SPKI = Vectors.text("merchant-demo-your_rsa_public_key.pem");
    private static final String PKCS1_PUBLIC = """
            -----BEGIN RSA PUBLIC KEY-----
            MIIBCgKCAQEAx2MktxcKBEqdYRi2IgYcupPQIN5cxgiBL5udCCBJBNBbXPaquOE1
            qspfhB1KUzHXATnCONiSzubLcBTnwi2tz0ErRCeJZSERRCpbKx4eu6b1neUTWkga
            7xpZxWONEvkmZo5Nlhf4fXRPUYnO/bdGCNGpQ/HSJfWLtzmhCqO1aJwVhcDmDMYz
            4bTkZavhFBdVyXf/8n7UKylk03eymlKJ1swQpeFcxaKfzsk1mJU7mc93mCWjaR+V
            WkNbw4AQHDyHgbzH+zYARzCluiy5hXdixGEP+iO4ZBk48rEs1hKTvGz1k+jhLCdk
            dpBRjq0pK/htjA3Ce8pF2AJs+fgN6ZUumQIDAQAB
            -----END RSA PUBLIC KEY-----
            """;

    @Test
    void theSameKeyReadsIdenticallyFromEveryPrivateKeyForm() {
        PrivateKey fromPkcs1 = PemKeys.privateKey(PKCS1);
        PrivateKey fromHeaderless = PemKeys.privateKey(HEADERLESS_PKCS8);
        PrivateKey fromPkcs8Pem = PemKeys.privateKey(
                "-----BEGIN PRIVATE KEY-----\n" + HEADERLESS_PKCS8.strip() + "\n-----END PRIVATE KEY-----\n");

        assertThat(fromPkcs1.getEncoded()).isEqualTo(fromHeaderless.getEncoded());
        assertThat(fromPkcs8Pem.getEncoded()).isEqualTo(fromHeaderless.getEncoded());
    }

    @Test
    void aHeaderlessPkcs1KeyIsReadToo() {
        String body = PKCS1.replaceAll("-----[A-Z ]+-----", "");
        assertThat(PemKeys.privateKey(body).getEncoded()).isEqualTo(PemKeys.privateKey(PKCS1).getEncoded());
    }

    @Test
    void bothPublicKeyFormsReadIdentically() {
        PublicKey spki = PemKeys.publicKey(SPKI);
        PublicKey pkcs1 = PemKeys.publicKey(PKCS1_PUBLIC);
        assertThat(pkcs1.getEncoded()).isEqualTo(spki.getEncoded());
    }

    @Test
    void unreadableKeysFailLoudlyWithoutRepeatingTheKey() {
        String truncated = PKCS1.substring(0, PKCS1.length() / 2) + "\n-----END RSA PRIVATE KEY-----\n";
        String notBase64 = "-----BEGIN PRIVATE KEY-----\nsk_test_%%%not-base64%%%\n-----END PRIVATE KEY-----";
        for (String bad : new String[] {truncated, notBase64, "MIIBsecretButNotAKey", "", "   "}) {
            assertThatThrownBy(() -> PemKeys.privateKey(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The RSA private key")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("MII").doesNotContain("sk_test"));
        }
        assertThatThrownBy(() -> PemKeys.privateKey(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysOfTheWrongKindAreNamedAsSuch() {
        assertThatThrownBy(() -> PemKeys.publicKey(PKCS1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got a private key");
        assertThatThrownBy(() -> PemKeys.privateKey(SPKI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labelled 'PUBLIC KEY'");
        assertThatThrownBy(() -> PemKeys.privateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"))
                .hasMessageContaining("encrypted");
    }
}
