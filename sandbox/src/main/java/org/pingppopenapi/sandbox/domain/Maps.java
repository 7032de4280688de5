package org.pingppopenapi.sandbox.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Defensive copies of the free-form maps of requests ({@code metadata}, {@code extra}, {@code params}). */
final class Maps {

    private Maps() {
    }

    /** An unmodifiable copy that keeps the order and any null values; empty for null. */
    static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
