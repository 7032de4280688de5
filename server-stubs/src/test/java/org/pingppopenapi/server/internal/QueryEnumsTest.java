package org.pingppopenapi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.server.api.ChargesApi;
import org.pingppopenapi.server.api.EventsApi;
import org.pingppopenapi.server.api.OrderChargesApi;
import org.pingppopenapi.server.api.OrderRefundsApi;
import org.pingppopenapi.server.api.OrdersApi;
import org.pingppopenapi.server.api.RechargesApi;
import org.pingppopenapi.server.api.RefundsApi;
import org.pingppopenapi.server.api.SubAppChannelsApi;
import org.pingppopenapi.server.api.SubAppsApi;

/** The query enums read from the shipped spec, and the generated methods their checks attach to. */
class QueryEnumsTest {

    private final QueryEnums enums = QueryEnums.ofBundledSpec();

    @Test
    void readsEachOperationsEnumsWithTheirWireNames() {
        assertThat(enums.of("listOrders")).isEqualTo(Map.of("canceled", List.of("0", "1"), "type", List.of("purchase", "recharge")));
        assertThat(enums.of("listOrderRefunds")).isEqualTo(Map.of("status", List.of("pending", "succeeded", "failed")));
        assertThat(enums.of("retrieveCharge")).isEqualTo(Map.of("expand[]", List.of("app")));
        assertThat(enums.of("createCharge")).isEmpty();
    }

    /** The checks attach by method name, so every operation with enums must be a method of the generated interfaces. */
    @Test
    void everyOperationWithEnumsIsAGeneratedMethod() {
        List<String> methods = Stream.of(ChargesApi.class, RefundsApi.class, RechargesApi.class, SubAppsApi.class,
                        SubAppChannelsApi.class, OrdersApi.class, OrderChargesApi.class, OrderRefundsApi.class, EventsApi.class)
                .flatMap(api -> Arrays.stream(api.getDeclaredMethods()))
                .map(Method::getName)
                .toList();
        assertThat(enums.operations()).containsExactlyInAnyOrder("listCharges", "retrieveCharge", "listOrders", "listOrderRefunds");
        assertThat(methods).containsAll(enums.operations());
    }
}
