package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeList;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.param.ListChargesParams;
import org.pingppopenapi.client.param.ListOrdersParams;

/** Pages of cursor lists and numbered lists, and lazy iteration over the rest, checked against the queries sent. */
class PagingTest {

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
    void aListAnswersOnePageWithItsListModel() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1", "ch_2")));

        Page<Charge> page = client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).limit(2).build());

        assertThat(page.data()).extracting(Charge::getId).containsExactly("ch_1", "ch_2");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.envelope(ChargeList.class)).map(ChargeList::getUrl).hasValue("/v1/charges");
        assertThat(page.envelope(String.class)).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCursorListIsFollowedWithStartingAfterTheLastIdOfEachPage() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1", "ch_2")));
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_3", "ch_4")));
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_5")));

        List<String> ids = new ArrayList<>();
        for (Charge charge : client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).limit(2).build())
                .autoPaging()) {
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
        assertThat(third.getUrl().queryParameter("limit")).isEqualTo("2");
    }

    @Test
    void theNextPageIsFetchedOnDemand() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_2")));

        Page<Charge> first = client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).build());
        Page<Charge> second = first.nextPage();

        assertThat(second.data()).extracting(Charge::getId).containsExactly("ch_2");
        assertThat(second.hasMore()).isFalse();
        assertThatThrownBy(second::nextPage).isInstanceOf(NoSuchElementException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aCursorListStartsAfterTheCursorTheQueryGives() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_9")));

        assertThat(client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).startingAfter("ch_8").build())
                .autoPaging().stream().map(Charge::getId).toList()).containsExactly("ch_9");
        assertThat(MockApi.take(server).getUrl().queryParameter("starting_after")).isEqualTo("ch_8");
    }

    @Test
    void laterPagesAreFetchedOnlyAsIterationReachesThem() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1", "ch_2")));
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_3")));
        PagedIterable<Charge> charges = client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).build())
                .autoPaging();
        assertThat(server.getRequestCount()).isEqualTo(1);

        assertThat(charges.stream().limit(2).map(Charge::getId).toList()).containsExactly("ch_1", "ch_2");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void eachIterationStartsAgainFromTheFirstPage() {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_2")));
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_2")));
        PagedIterable<Charge> charges = client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).build())
                .autoPaging();

        assertThat(charges.stream().count()).isEqualTo(2);
        assertThat(charges.stream().count()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aNumberedListCountsPagesFromOne() throws Exception {
        server.enqueue(MockApi.ok(orderList(true, "2001608270000004421", "2001608270000004422")));
        server.enqueue(MockApi.ok(orderList(true, "2001608270000004423")));
        server.enqueue(MockApi.ok(orderList(true)));

        List<String> ids = client.orders().list(ListOrdersParams.builder().app(MockApi.APP_ID).perPage(2).build())
                .autoPaging().stream().map(Order::getId).toList();

        assertThat(ids).containsExactly("2001608270000004421", "2001608270000004422", "2001608270000004423");
        RecordedRequest first = MockApi.take(server);
        assertThat(first.getUrl().queryParameter("page")).isNull();
        assertThat(first.getUrl().queryParameter("per_page")).isEqualTo("2");
        for (String page : List.of("2", "3")) {
            RecordedRequest request = MockApi.take(server);
            assertThat(request.getUrl().queryParameter("page")).isEqualTo(page);
            assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("2");
        }
    }

    @Test
    void aNumberedListGoesOnFromThePageTheQueryGives() throws Exception {
        server.enqueue(MockApi.ok(orderList(true, "2001608270000004430")));
        server.enqueue(MockApi.ok(orderList(false, "2001608270000004431")));

        assertThat(client.orders().list(ListOrdersParams.builder().app(MockApi.APP_ID).page(3).build())
                .autoPaging().stream().count()).isEqualTo(2);
        assertThat(MockApi.take(server).getUrl().queryParameter("page")).isEqualTo("3");
        assertThat(MockApi.take(server).getUrl().queryParameter("page")).isEqualTo("4");
    }

    @Test
    void aFailingPageThrowsTheClientsExceptionFromIteration() {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));
        server.enqueue(MockApi.json(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"key\"}}"));
        Iterator<Charge> charges = client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).build())
                .autoPaging().iterator();

        assertThat(charges.next().getId()).isEqualTo("ch_1");
        assertThatThrownBy(charges::hasNext).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aListThatWouldRepeatItselfFailsInsteadOfLooping() {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));

        assertThatThrownBy(() -> client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).build())
                .autoPaging().stream().count())
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("ch_1");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void endingBeforeCannotBeFollowedForward() {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));
        Page<Charge> page = client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID)
                .endingBefore("ch_2").build());

        assertThatThrownBy(page::nextPage).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ending_before");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void laterPagesKeepTheCallsOptions() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_2")));
        RequestOptions merchant = RequestOptions.builder().apiKey("sk_test_otherMerchant0123456789").build();

        client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).build(), merchant).autoPaging()
                .stream().count();

        assertThat(MockApi.take(server).getHeaders().get("Authorization")).isEqualTo("Bearer sk_test_otherMerchant0123456789");
        assertThat(MockApi.take(server).getHeaders().get("Authorization")).isEqualTo("Bearer sk_test_otherMerchant0123456789");
    }

    @Test
    void anAsynchronousListAnswersAPageThatPagesOn() {
        server.enqueue(MockApi.ok(MockApi.chargeList(true, "ch_1")));
        server.enqueue(MockApi.ok(MockApi.chargeList(false, "ch_2")));

        Page<Charge> page = client.async().charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).build())
                .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();

        assertThat(page.autoPaging().stream().map(Charge::getId).toList()).containsExactly("ch_1", "ch_2");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aPageCanBeMadeToStubAService() {
        Page<String> last = Page.of(List.of("c"), null, null);
        Page<String> first = Page.of(List.of("a", "b"), null, () -> last);

        assertThat(first.autoPaging().stream().toList()).containsExactly("a", "b", "c");
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
