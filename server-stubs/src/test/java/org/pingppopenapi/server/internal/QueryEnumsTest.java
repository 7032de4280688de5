package org.pingppopenapi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.server.SpecExamples;

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
        List<String> methods = SpecExamples.get().apiInterfaces().stream()
                .flatMap(api -> Arrays.stream(api.getDeclaredMethods()))
                .map(Method::getName)
                .toList();
        assertThat(enums.operations()).contains("listCharges", "retrieveCharge", "listOrders", "listOrderRefunds");
        assertThat(methods).containsAll(enums.operations());
    }
}
