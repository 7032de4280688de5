package org.pingppopenapi.prism.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void readsNestedObjectsAndArraysInOrder() {
        Object parsed = Json.parse(" {\"b\": [1, -2.5e3, true, false, null], \"a\": {\"c\": \"d\"}, \"e\": []} ");

        assertThat(parsed).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class)).containsExactly(
                entry("b", Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null)),
                entry("a", Map.of("c", "d")),
                entry("e", List.of()));
    }

    @Test
    void decodesEscapes() {
        assertThat(Json.parse("\"q\\\" b\\\\ s\\/ n\\n t\\t u\\u00e9\\u4e2d\""))
                .isEqualTo("q\" b\\ s/ n\n t\t u\u00e9\u4e2d");
    }

    @Test
    void keepsNonAsciiCharactersAsTheyAre() {
        assertThat(Json.parse("[\"金额必须是整数\"]")).isEqualTo(List.of("金额必须是整数"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1,]", "{\"a\" 1}", "[1] 2", "\"open", "tru", "1x", "-", "{'a': 1}", "\"\\x\"",
        "[\"a\nb\"]"})
    void rejectsInvalidDocuments(String text) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid JSON at offset");
    }
}
