package org.pingppopenapi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each account signs with its own merchant key, as each Ping++ merchant uploads its own: shop A's requests verify
 * with A's key only, shop B's with B's, and shop C, which has no key (its signature checks are off), sends unsigned
 * requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerAccountMerchantKeysTest {

    private static final String SHOP_A = "sk_test_shopAaaaaaaaaaaaaaaaaaaaaaa";
    private static final String SHOP_B = "sk_test_shopBbbbbbbbbbbbbbbbbbbbbbb";
    private static final String SHOP_C = "sk_test_shopCcccccccccccccccccccccc";
    private static final long NOW = 1_700_000_000L;
    private static final String CHARGES = "/v1/charges";

    private final KeyPair shopAKeys = TestKeys.freshRsaKeyPair();
    private final KeyPair shopBKeys = TestKeys.freshRsaKeyPair();
    private EmbeddedServer server;
    private RawHttp http;
    private long orderNumber = 200_000_000L;

    @BeforeAll
    void startServer() {
        ApiKeyStore apiKeys = ApiKeyStore.of(SHOP_A, SHOP_B, SHOP_C);
        MerchantKeys merchantKeys = MerchantKeys.byAccount(Map.of(
                accountOf(apiKeys, SHOP_A), shopAKeys.getPublic(),
                accountOf(apiKeys, SHOP_B), shopBKeys.getPublic()));
        PingppProviders providers = PingppProviders.builder(apiKeys)
                .requireSignatures(merchantKeys)
                .clock(new SettableClock(Instant.ofEpochSecond(NOW)))
                .build();
        server = EmbeddedServer.start(providers, new ExampleBackedResources().all());
        http = new RawHttp(server.baseUri());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void eachAccountsRequestsVerifyWithItsOwnKeyOnly() throws Exception {
        assertThat(signedPost(SHOP_A, shopAKeys).status()).isEqualTo(200);
        assertThat(signedPost(SHOP_B, shopBKeys).status()).isEqualTo(200);

        RawHttp.Answer aWithBsKey = signedPost(SHOP_A, shopBKeys);
        RawHttp.Answer bWithAsKey = signedPost(SHOP_B, shopAKeys);

        for (RawHttp.Answer answer : new RawHttp.Answer[] {aWithBsKey, bWithAsKey}) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.error().get("code").asText()).isEqualTo("signature_invalid");
        }
    }

    @Test
    void anAccountWithAKeyMustSignAndOneWithoutNeedNot() throws Exception {
        RawHttp.Answer unsignedA = RawHttp.send(post(SHOP_A, chargeJson()));
        RawHttp.Answer unsignedC = RawHttp.send(post(SHOP_C, chargeJson()));

        assertThat(unsignedA.status()).as(unsignedA.body()).isEqualTo(400);
        assertThat(unsignedA.error().get("code").asText()).isEqualTo("signature_missing");
        assertThat(unsignedC.status()).as(unsignedC.body()).isEqualTo(200);
    }

    private RawHttp.Answer signedPost(String apiKey, KeyPair keys) throws Exception {
        String body = chargeJson();
        return RawHttp.send(RawHttp.signed(post(apiKey, body), keys.getPrivate(), body, CHARGES, NOW));
    }

    private java.net.http.HttpRequest.Builder post(String apiKey, String body) {
        return http.request("POST", CHARGES, body, "Content-Type", "application/json", "Authorization", RawHttp.bearer(apiKey));
    }

    private String chargeJson() throws Exception {
        ObjectNode charge = (ObjectNode) SpecExamples.get().requestExample("createCharge").body().deepCopy();
        charge.put("order_no", Long.toString(++orderNumber));
        return SpecExamples.json().writeValueAsString(charge);
    }

    private static String accountOf(ApiKeyStore keys, String apiKey) {
        return keys.authenticate(apiKey).orElseThrow().name();
    }
}
