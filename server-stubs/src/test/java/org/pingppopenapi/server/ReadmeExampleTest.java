package org.pingppopenapi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.server.api.ChargesApi;
import org.pingppopenapi.server.model.Charge;
import org.pingppopenapi.server.model.ChargeCreateRequest;
import org.pingppopenapi.server.model.ChargeList;

/** The README's example, compiled and run as written: one interface implemented, the providers registered. */
class ReadmeExampleTest {

    // --- README example starts here ---
    public static final class MyCharges implements ChargesApi {

        @Override
        public Charge createCharge(ChargeCreateRequest request) {  // authenticated and validated, channel rules included
            return new Charge("ch_" + request.getOrderNo(), Charge.ObjectEnum.CHARGE, System.currentTimeMillis() / 1000,
                    false, false, false, request.getApp().getId(), request.getChannel(), request.getOrderNo(),
                    request.getAmount(), request.getCurrency());
        }

        @Override
        public Charge retrieveCharge(String chargeId, java.util.Set<String> expand) {
            throw PingppErrorException.noSuchObject("charge", chargeId);
        }

        @Override
        public ChargeList listCharges(String appId, String channel, Boolean paid, Boolean refunded, Boolean reversed,
                Integer limit, String startingAfter, String endingBefore, Long createdGt, Long createdGte, Long createdLt,
                Long createdLte, java.util.Set<String> expand) {
            return new ChargeList(ChargeList.ObjectEnum.LIST, "/v1/charges", false, List.of());
        }
    }

    static HttpServer startServer(URI uri) {
        return GrizzlyHttpServerFactory.createHttpServer(uri, new ResourceConfig()
                .register(new MyCharges())
                .register(PingppProviders.builder(ApiKeyStore.of("sk_test_ibbTe5jLGCi5rzfH4OqPW9KC")).build()));
    }
    // --- README example ends here ---

    @Test
    void theExampleServesAnAuthenticatedValidatedEndpoint() throws Exception {
        HttpServer server = startServer(URI.create("http://127.0.0.1:0/"));
        try {
            RawHttp http = new RawHttp(URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort()));
            String charge = SpecExamples.get().requestExample("createCharge").body().toString();

            RawHttp.Answer created = RawHttp.send(http.request("POST", "/v1/charges", charge,
                    "Content-Type", "application/json", "Authorization", RawHttp.bearer("sk_test_ibbTe5jLGCi5rzfH4OqPW9KC")));
            RawHttp.Answer anonymous = RawHttp.send(http.request("POST", "/v1/charges", charge, "Content-Type", "application/json"));
            RawHttp.Answer invalid = RawHttp.send(http.request("POST", "/v1/charges", charge.replace("\"upacp\"", "\"wx_pub\""),
                    "Content-Type", "application/json", "Authorization", RawHttp.bearer("sk_test_ibbTe5jLGCi5rzfH4OqPW9KC")));
            RawHttp.Answer missing = RawHttp.send(http.request("GET", "/v1/charges/ch_nope", null,
                    "Authorization", RawHttp.basic("sk_test_ibbTe5jLGCi5rzfH4OqPW9KC", "")));

            assertThat(created.status()).as(created.body()).isEqualTo(200);
            assertThat(created.body()).contains("\"id\":\"ch_123456789\"");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.error().get("param").asText()).isEqualTo("extra.open_id");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.error().get("message").asText()).isEqualTo("No such charge: ch_nope");
        } finally {
            server.shutdownNow();
        }
    }
}
