package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.api.ChargesApi;
import org.pingppopenapi.client.api.OrdersApi;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeList;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderList;
import org.pingppopenapi.sandbox.time.VirtualTime;

/**
 * Lists over real stored objects: cursor pagination (limit, starting_after, ending_before) and page pagination
 * across more than one page, the created[...] filters, and expand[]=app.
 */
class PaginationTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private static VirtualTime time;
    private static Sandbox sandbox;
    private static PingppClient client;
    /** Seven charges, one a minute, newest first. */
    private static final List<Charge> CHARGES = new ArrayList<>();
    /** Five orders, one a minute, newest first. */
    private static final List<Order> ORDERS = new ArrayList<>();

    @BeforeAll
    static void createObjects() {
        time = new VirtualTime(START);
        sandbox = Sandbox.builder().clock(time).scheduler(time).start();
        client = PingppClient.builder().apiKey(Fixtures.newKey()).baseUrl(sandbox.baseUri()).clock(time).maxRetries(0).build();
        for (int i = 0; i < 7; i++) {
            CHARGES.add(0, client.charges().createCharge(Fixtures.upacpCharge(100 + i)));
            if (i < 5) {
                ORDERS.add(0, client.orders().createOrder(Fixtures.order(100 + i, "user_" + i)));
            }
            time.advance(Duration.ofMinutes(1));
        }
        client.charges().createCharge(Fixtures.upacpCharge(1).app(new AppReference()
                .id("app_LibTW1n1SOq9Pin1")));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void cursorPagesWalkForwardAndBack() {
        ChargeList first = charges(new ChargesApi.ListChargesQueryParams().limit(3));
        ChargeList second = charges(new ChargesApi.ListChargesQueryParams().limit(3).startingAfter(last(first)));
        ChargeList third = charges(new ChargesApi.ListChargesQueryParams().limit(3).startingAfter(last(second)));
        ChargeList backToSecond = charges(new ChargesApi.ListChargesQueryParams().limit(3).endingBefore(third.getData().get(0).getId()));

        assertThat(ids(first)).containsExactlyElementsOf(ids(CHARGES.subList(0, 3)));
        assertThat(first.getHasMore()).isTrue();
        assertThat(ids(second)).containsExactlyElementsOf(ids(CHARGES.subList(3, 6)));
        assertThat(ids(third)).containsExactlyElementsOf(ids(CHARGES.subList(6, 7)));
        assertThat(third.getHasMore()).isFalse();
        assertThat(ids(backToSecond)).isEqualTo(ids(second));
        assertThat(backToSecond.getHasMore()).as("newer charges before it").isTrue();
        assertThat(first.getUrl()).isEqualTo("/v1/charges");
    }

    @Test
    void theClientIteratesEveryChargeOfTheAppAcrossPages() {
        List<String> all = client.autoPaging().charges(new ChargesApi.ListChargesQueryParams().appId(Fixtures.APP).limit(2))
                .stream().map(Charge::getId).toList();

        assertThat(all).containsExactlyElementsOf(ids(CHARGES));
    }

    @Test
    void createdFiltersSelectByCreationTime() {
        long thirdCreated = CHARGES.get(4).getCreated();

        ChargeList fromThird = charges(new ChargesApi.ListChargesQueryParams().createdGte(thirdCreated).limit(100));
        ChargeList beforeThird = charges(new ChargesApi.ListChargesQueryParams().createdLt(thirdCreated).limit(100));
        ChargeList exactlyThird = charges(new ChargesApi.ListChargesQueryParams().createdGt(thirdCreated - 1)
                .createdLte(thirdCreated));

        assertThat(ids(fromThird)).containsExactlyElementsOf(ids(CHARGES.subList(0, 5)));
        assertThat(ids(beforeThird)).containsExactlyElementsOf(ids(CHARGES.subList(5, 7)));
        assertThat(ids(exactlyThird)).containsExactly(CHARGES.get(4).getId());
    }

    @Test
    void pagePaginationCoversEveryOrderOnce() {
        OrderList first = orders(new OrdersApi.ListOrdersQueryParams().app(Fixtures.APP).perPage(2).page(1));
        OrderList second = orders(new OrdersApi.ListOrdersQueryParams().app(Fixtures.APP).perPage(2).page(2));
        OrderList third = orders(new OrdersApi.ListOrdersQueryParams().app(Fixtures.APP).perPage(2).page(3));
        OrderList beyond = orders(new OrdersApi.ListOrdersQueryParams().app(Fixtures.APP).perPage(2).page(4));

        assertThat(first.getHasMore()).isTrue();
        assertThat(second.getHasMore()).isTrue();
        assertThat(third.getHasMore()).isFalse();
        List<String> seen = new ArrayList<>();
        for (OrderList page : List.of(first, second, third)) {
            page.getData().forEach(order -> seen.add(order.getId()));
        }
        assertThat(seen).containsExactlyElementsOf(ORDERS.stream().map(Order::getId).toList());
        assertThat(beyond.getData()).isEmpty();
        assertThat(client.autoPaging().orders(new OrdersApi.ListOrdersQueryParams().app(Fixtures.APP).perPage(2))
                .stream().map(Order::getId).toList()).isEqualTo(seen);
        assertThat(orders(new OrdersApi.ListOrdersQueryParams().app(Fixtures.APP).uid("user_3")).getData())
                .extracting(Order::getId).containsExactly(ORDERS.get(1).getId());
    }

    @Test
    void expandAppTurnsTheAppIdIntoTheApp() {
        Charge plain = client.charges().retrieveCharge(CHARGES.get(0).getId(), Set.of());
        Charge expanded = client.charges().retrieveCharge(CHARGES.get(0).getId(), Set.of("app"));
        ChargeList expandedList = charges(new ChargesApi.ListChargesQueryParams().limit(2).expand(Set.of("app")));

        assertThat(plain.getApp().isExpanded()).isFalse();
        assertThat(plain.getApp().id()).isEqualTo(Fixtures.APP);
        assertThat(expanded.getApp().isExpanded()).isTrue();
        assertThat(expanded.getApp().expanded()).get().satisfies(app -> {
            assertThat(app.getId()).isEqualTo(Fixtures.APP);
            assertThat(app.getChannelsSupported()).contains("upacp", "wx", "alipay");
        });
        assertThat(expandedList.getData()).allSatisfy(charge -> assertThat(charge.getApp().isExpanded()).isTrue());
    }

    @Test
    void aCursorFromAnotherListIsRefused() {
        assertThatThrownBy(() -> charges(new ChargesApi.ListChargesQueryParams().startingAfter("ch_nosuchcharge00000000000")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("starting_after"));
    }

    @Test
    void withoutACreatedFilterTheChargeListSearchesTheLast30Days() {
        VirtualTime later = new VirtualTime(START.plus(Duration.ofDays(31)));
        try (Sandbox laterSandbox = Sandbox.builder().clock(later).scheduler(later).start()) {
            PingppClient laterClient = PingppClient.builder().apiKey(Fixtures.newKey()).baseUrl(laterSandbox.baseUri())
                    .clock(later).maxRetries(0).build();
            Charge recent = laterClient.charges().createCharge(Fixtures.upacpCharge(1));
            later.advance(Duration.ofDays(31));

            assertThat(laterClient.charges().listCharges(new ChargesApi.ListChargesQueryParams().appId(Fixtures.APP))
                    .getData()).isEmpty();
            assertThat(laterClient.charges().listCharges(new ChargesApi.ListChargesQueryParams().appId(Fixtures.APP)
                    .createdGte(0L)).getData()).extracting(Charge::getId).containsExactly(recent.getId());
        }
    }

    private static ChargeList charges(ChargesApi.ListChargesQueryParams query) {
        return client.charges().listCharges(query.appId(Fixtures.APP));
    }

    private static OrderList orders(OrdersApi.ListOrdersQueryParams query) {
        return client.orders().listOrders(query);
    }

    private static String last(ChargeList page) {
        return page.getData().get(page.getData().size() - 1).getId();
    }

    private static List<String> ids(ChargeList page) {
        return ids(page.getData());
    }

    private static List<String> ids(List<Charge> charges) {
        return charges.stream().map(Charge::getId).toList();
    }
}
