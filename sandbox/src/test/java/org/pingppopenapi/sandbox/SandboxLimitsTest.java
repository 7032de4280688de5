package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sandbox that runs for long, shared by many, cannot be run out of memory: it keeps a bounded number of accounts
 * (one more forgets the account used least recently) and an account a bounded number of objects (402 past it,
 * until the account is reset).
 */
class SandboxLimitsTest {

    private static final String INVALID_CHARGE = "{\"amount\":\"not a number\"}";

    @Test
    void anAccountMakesAtMostItsObjectLimitAndFailedRequestsCountForNothing() {
        try (Sandbox sandbox = Sandbox.builder().maxObjectsPerAccount(4).start()) {
            SandboxHttp http = new SandboxHttp(sandbox.baseUri(), Fixtures.newKey());
            SandboxHttp other = new SandboxHttp(sandbox.baseUri(), Fixtures.newKey());

            String first = charge(http).status() == 200 ? "made" : "refused";
            for (int i = 0; i < 3; i++) {
                assertThat(http.postJson("/v1/charges", INVALID_CHARGE).status()).isEqualTo(400);
            }
            List<Integer> next = List.of(charge(http).status(), charge(http).status(), charge(http).status());
            SandboxHttp.Answer refused = charge(http);

            assertThat(first).isEqualTo("made");
            assertThat(next).as("the first charge and its app take 2 of the 4; the 400s took nothing")
                    .containsExactly(200, 200, 402);
            assertThat(refused.status()).isEqualTo(402);
            assertThat(refused.error().get("type").asText()).isEqualTo("invalid_request_error");
            assertThat(refused.error().get("code").asText()).isEqualTo("account_object_limit");
            assertThat(refused.error().get("message").asText()).contains("4 objects").contains("/sandbox/reset");
            assertThat(http.get("/v1/charges?app%5Bid%5D=" + Fixtures.APP).status()).as("reading goes on").isEqualTo(200);
            assertThat(charge(other).status()).as("other accounts have limits of their own").isEqualTo(200);

            assertThat(http.post("/sandbox/reset").status()).isEqualTo(204);
            assertThat(charge(http).status()).isEqualTo(200);
        }
    }

    @Test
    void oneAccountMoreThanTheLimitForgetsTheLeastRecentlyUsedOne() {
        try (Sandbox sandbox = Sandbox.builder().maxAccounts(2).start()) {
            SandboxHttp first = new SandboxHttp(sandbox.baseUri(), Fixtures.newKey());
            SandboxHttp second = new SandboxHttp(sandbox.baseUri(), Fixtures.newKey());
            SandboxHttp third = new SandboxHttp(sandbox.baseUri(), Fixtures.newKey());
            String firstCharge = SandboxHttp.ok(charge(first)).get("id").asText();
            String secondCharge = SandboxHttp.ok(charge(second)).get("id").asText();
            assertThat(first.get("/v1/charges/" + firstCharge).status()).as("the first is now the most recently used").isEqualTo(200);

            SandboxHttp.ok(charge(third));

            assertThat(first.get("/v1/charges/" + firstCharge).status()).as("kept").isEqualTo(200);
            assertThat(second.get("/v1/charges/" + secondCharge).status()).as("forgotten").isEqualTo(404);
        }
    }

    @Test
    void theLimitsAreOptionsOfTheBuilderAndTheCommandLine() {
        CommandLine options = CommandLine.parse(List.of("--max-accounts", "5", "--max-objects-per-account=7"));

        assertThat(options.maxAccounts()).isEqualTo(5);
        assertThat(options.maxObjectsPerAccount()).isEqualTo(7);
        assertThat(CommandLine.parse(List.of()).maxAccounts()).isEqualTo(100);
        assertThat(CommandLine.parse(List.of()).maxObjectsPerAccount()).isEqualTo(10_000);
        assertThatThrownBy(() -> CommandLine.parse(List.of("--max-accounts", "0")))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("--max-accounts");
        assertThatThrownBy(() -> Sandbox.builder().maxObjectsPerAccount(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SandboxHttp.Answer charge(SandboxHttp http) {
        return http.postJson("/v1/charges", "{\"order_no\":\"" + Fixtures.orderNo() + "\",\"amount\":100,\"app\":{\"id\":\""
                + Fixtures.APP + "\"},\"channel\":\"upacp\",\"currency\":\"cny\",\"client_ip\":\"127.0.0.1\","
                + "\"subject\":\"S\",\"body\":\"B\"}");
    }
}
