package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.api.ChargesApi.ListChargesQueryParams;
import org.pingppopenapi.client.api.OrdersApi.ListOrdersQueryParams;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Order;

/** Lazy pagination over cursor lists and page lists, checked against the queries the server received. */
class AutoPagingTest {

    private MockWebServer server;
    private PingppClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = MockApi.clientFor(server).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCursorListIsFollowedWithStartingAfterTheLastIdOfEachPage() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1", "ch_2")));
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_3", "ch_4")));
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_5")));

        List<String> ids = new ArrayList<>();
        for (Charge charge : client.autoPaging().charges(new ListChargesQueryParams().appId(MockApi.APP_ID).limit(2))) {
            ids.add(charge.getId());
        }

        assertThat(ids).containsExactly("ch_1", "ch_2", "ch_3", "ch_4", "ch_5");
        RecordedRequest first = MockApi.take(server);
        assertThat(first.getUrl().queryParameter("app[id]")).isEqualTo(MockApi.APP_ID);
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(first.getUrl().queryParameter("starting_after")).isNull();
        assertThat(MockApi.take(server).getUrl().queryParameter("starting_after")).isEqualTo("ch_2");
        RecordedRequest third = MockApi.take(server);
        assertThat(third.getUrl().queryParameter("starting_after")).isEqualTo("ch_4");
        assertThat(third.getUrl().queryParameter("app[id]")).isEqualTo(MockApi.APP_ID);
    }

    @Test
    void aCursorListStartsAfterTheCursorTheQueryGives() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_9")));

        assertThat(client.autoPaging().charges(new ListChargesQueryParams().appId(MockApi.APP_ID).startingAfter("ch_8"))
                .stream().map(Charge::getId).toList()).containsExactly("ch_9");
        assertThat(MockApi.take(server).getUrl().queryParameter("starting_after")).isEqualTo("ch_8");
    }

    @Test
    void nothingIsFetchedBeforeIterationAndOnlyWhatIsConsumed() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1", "ch_2")));
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_3")));
        PagedIterable<Charge> charges = client.autoPaging().charges(new ListChargesQueryParams().appId(MockApi.APP_ID));
        assertThat(server.getRequestCount()).isZero();

        assertThat(charges.stream().limit(2).map(Charge::getId).toList()).containsExactly("ch_1", "ch_2");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void eachIterationStartsAgainFromTheFirstPage() {
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_1")));
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_1")));
        PagedIterable<Charge> charges = client.autoPaging().charges(new ListChargesQueryParams().appId(MockApi.APP_ID));

        assertThat(charges.stream().count()).isEqualTo(1);
        assertThat(charges.stream().count()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aPageListCountsPagesFromOne() throws Exception {
        server.enqueue(MockApi.ok(orderList(true, "2001608270000004421", "2001608270000004422")));
        server.enqueue(MockApi.ok(orderList(true, "2001608270000004423")));
        server.enqueue(MockApi.ok(orderList(true)));

        List<String> ids = client.autoPaging().orders(new ListOrdersQueryParams().app(MockApi.APP_ID).perPage(2))
                .stream().map(Order::getId).toList();

        assertThat(ids).containsExactly("2001608270000004421", "2001608270000004422", "2001608270000004423");
        for (String page : List.of("1", "2", "3")) {
            RecordedRequest request = MockApi.take(server);
            assertThat(request.getUrl().queryParameter("page")).isEqualTo(page);
            assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("2");
        }
    }

    @Test
    void aPageListStartsAtThePageTheQueryGives() throws Exception {
        server.enqueue(MockApi.ok(orderList(false, "2001608270000004430")));

        assertThat(client.autoPaging().orders(new ListOrdersQueryParams().app(MockApi.APP_ID).page(3)).stream().count())
                .isEqualTo(1);
        assertThat(MockApi.take(server).getUrl().queryParameter("page")).isEqualTo("3");
    }

    @Test
    void aFailingPageThrowsTheClientsExceptionFromIteration() {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));
        server.enqueue(MockApi.json(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"key\"}}"));
        Iterator<Charge> charges = client.autoPaging().charges(new ListChargesQueryParams().appId(MockApi.APP_ID)).iterator();

        assertThat(charges.next().getId()).isEqualTo("ch_1");
        assertThatThrownBy(charges::hasNext).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aListThatWouldRepeatItselfFailsInsteadOfLooping() {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));

        assertThatThrownBy(() -> client.autoPaging().charges(new ListChargesQueryParams().appId(MockApi.APP_ID))
                .stream().count())
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("ch_1");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void endingBeforeIsRefusedBecauseAutoPagingMovesForward() {
        assertThatThrownBy(() -> client.autoPaging().charges(new ListChargesQueryParams().appId(MockApi.APP_ID)
                .endingBefore("ch_1")).iterator())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theRequiredFilterIsCheckedBeforeTheFirstPage() {
        assertThatThrownBy(() -> client.autoPaging().charges(new ListChargesQueryParams()).iterator().hasNext())
                .isInstanceOf(InvalidRequestException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    private static String orderList(boolean hasMore, String... ids) {
        StringBuilder data = new StringBuilder();
        for (String id : ids) {
            data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"").append(id)
                    .append("\",\"object\":\"order\",\"created\":1470932865,\"app\":\"app_1Gqj58ynP0mHeX1q\",")
                    .append("\"status\":\"created\",\"amount\":30,\"merchant_order_no\":\"888888888880001\"}");
        }
        return "{\"object\":\"list\",\"url\":\"/v1/orders\",\"has_more\":" + hasMore + ",\"data\":[" + data + "]}";
    }
}
