package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.Page;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeList;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.param.ListChargesParams;
import org.pingppopenapi.client.param.ListOrdersParams;
import org.pingppopenapi.client.param.RetrieveChargeParams;
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
            CHARGES.add(0, client.charges().create(Fixtures.upacpCharge(100 + i)));
            if (i < 5) {
                ORDERS.add(0, client.orders().create(Fixtures.order(100 + i, "user_" + i)));
            }
            time.advance(Duration.ofMinutes(1));
        }
        client.charges().create(Fixtures.upacpCharge(1).app(new AppReference()
                .id("app_LibTW1n1SOq9Pin1")));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void cursorPagesWalkForwardAndBack() {
        Page<Charge> first = charges(ListChargesParams.builder().limit(3));
        Page<Charge> second = charges(ListChargesParams.builder().limit(3).startingAfter(last(first)));
        Page<Charge> third = charges(ListChargesParams.builder().limit(3).startingAfter(last(second)));
        Page<Charge> backToSecond = charges(ListChargesParams.builder().limit(3).endingBefore(third.data().get(0).getId()));

        assertThat(ids(first)).containsExactlyElementsOf(ids(CHARGES.subList(0, 3)));
        assertThat(first.hasMore()).isTrue();
        assertThat(ids(second)).containsExactlyElementsOf(ids(CHARGES.subList(3, 6)));
        assertThat(ids(third)).containsExactlyElementsOf(ids(CHARGES.subList(6, 7)));
        assertThat(third.hasMore()).isFalse();
        assertThat(ids(backToSecond)).isEqualTo(ids(second));
        assertThat(backToSecond.hasMore()).as("newer charges before it").isTrue();
        assertThat(first.envelope(ChargeList.class).orElseThrow().getUrl()).isEqualTo("/v1/charges");
    }

    @Test
    void theClientIteratesEveryChargeOfTheAppAcrossPages() {
        List<String> all = client.charges().list(ListChargesParams.builder().appId(Fixtures.APP).limit(2).build())
                .autoPaging().stream().map(Charge::getId).toList();

        assertThat(all).containsExactlyElementsOf(ids(CHARGES));
    }

    @Test
    void createdFiltersSelectByCreationTime() {
        long thirdCreated = CHARGES.get(4).getCreated();

        Page<Charge> fromThird = charges(ListChargesParams.builder().createdGte(thirdCreated).limit(100));
        Page<Charge> beforeThird = charges(ListChargesParams.builder().createdLt(thirdCreated).limit(100));
        Page<Charge> exactlyThird = charges(ListChargesParams.builder().createdGt(thirdCreated - 1)
                .createdLte(thirdCreated));

        assertThat(ids(fromThird)).containsExactlyElementsOf(ids(CHARGES.subList(0, 5)));
        assertThat(ids(beforeThird)).containsExactlyElementsOf(ids(CHARGES.subList(5, 7)));
        assertThat(ids(exactlyThird)).containsExactly(CHARGES.get(4).getId());
    }

    @Test
    void pagePaginationCoversEveryOrderOnce() {
        Page<Order> first = orders(ListOrdersParams.builder().app(Fixtures.APP).perPage(2).page(1));
        Page<Order> second = orders(ListOrdersParams.builder().app(Fixtures.APP).perPage(2).page(2));
        Page<Order> third = orders(ListOrdersParams.builder().app(Fixtures.APP).perPage(2).page(3));
        Page<Order> beyond = orders(ListOrdersParams.builder().app(Fixtures.APP).perPage(2).page(4));

        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isTrue();
        assertThat(third.hasMore()).isFalse();
        List<String> seen = new ArrayList<>();
        for (Page<Order> page : List.of(first, second, third)) {
            page.data().forEach(order -> seen.add(order.getId()));
        }
        assertThat(seen).containsExactlyElementsOf(ORDERS.stream().map(Order::getId).toList());
        assertThat(beyond.data()).isEmpty();
        assertThat(client.orders().list(ListOrdersParams.builder().app(Fixtures.APP).perPage(2).build())
                .autoPaging().stream().map(Order::getId).toList()).isEqualTo(seen);
        assertThat(orders(ListOrdersParams.builder().app(Fixtures.APP).uid("user_3")).data())
                .extracting(Order::getId).containsExactly(ORDERS.get(1).getId());
    }

    @Test
    void expandAppTurnsTheAppIdIntoTheApp() {
        Charge plain = client.charges().retrieve(CHARGES.get(0).getId());
        Charge expanded = client.charges().retrieve(CHARGES.get(0).getId(), RetrieveChargeParams.builder().expand("app").build());
        Page<Charge> expandedList = charges(ListChargesParams.builder().limit(2).expand("app"));

        assertThat(plain.getApp().isExpanded()).isFalse();
        assertThat(plain.getApp().id()).isEqualTo(Fixtures.APP);
        assertThat(expanded.getApp().isExpanded()).isTrue();
        assertThat(expanded.getApp().expanded()).get().satisfies(app -> {
            assertThat(app.getId()).isEqualTo(Fixtures.APP);
            assertThat(app.getChannelsSupported()).contains("upacp", "wx", "alipay");
        });
        assertThat(expandedList.data()).allSatisfy(charge -> assertThat(charge.getApp().isExpanded()).isTrue());
    }

    @Test
    void aCursorFromAnotherListIsRefused() {
        assertThatThrownBy(() -> charges(ListChargesParams.builder().startingAfter("ch_nosuchcharge00000000000")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("starting_after"));
    }

    @Test
    void withoutACreatedFilterTheChargeListSearchesTheLast30Days() {
        VirtualTime later = new VirtualTime(START.plus(Duration.ofDays(31)));
        try (Sandbox laterSandbox = Sandbox.builder().clock(later).scheduler(later).start()) {
            PingppClient laterClient = PingppClient.builder().apiKey(Fixtures.newKey()).baseUrl(laterSandbox.baseUri())
                    .clock(later).maxRetries(0).build();
            Charge recent = laterClient.charges().create(Fixtures.upacpCharge(1));
            later.advance(Duration.ofDays(31));

            assertThat(laterClient.charges().list(ListChargesParams.builder().appId(Fixtures.APP).build())
                    .data()).isEmpty();
            assertThat(laterClient.charges().list(ListChargesParams.builder().appId(Fixtures.APP)
                    .createdGte(0L).build()).data()).extracting(Charge::getId).containsExactly(recent.getId());
        }
    }

    private static Page<Charge> charges(ListChargesParams.Builder query) {
        return client.charges().list(query.appId(Fixtures.APP).build());
    }

    private static Page<Order> orders(ListOrdersParams.Builder query) {
        return client.orders().list(query.build());
    }

    private static String last(Page<Charge> page) {
        return page.data().get(page.data().size() - 1).getId();
    }

    private static List<String> ids(Page<Charge> page) {
        return ids(page.data());
    }

    private static List<String> ids(List<Charge> charges) {
        return charges.stream().map(Charge::getId).toList();
    }
}
