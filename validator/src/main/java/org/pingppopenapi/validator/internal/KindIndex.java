package org.pingppopenapi.validator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A number for every request kind name this JVM has met, given when the name is first met and never reused, so that
 * an engine can find a kind's data with an array lookup instead of a map lookup: a {@code RequestKind} carries its
 * number, and each engine maps the numbers of its own kinds to its positions.
 */
public final class KindIndex {

    private static final Map<String, Integer> NUMBERS = new ConcurrentHashMap<>();
    private static final List<String> NAMES = new ArrayList<>();

    private KindIndex() {
    }

    /** The number of the kind {@code name}. */
    public static int of(String name) {
        Integer number = NUMBERS.get(name);
        return number != null ? number : assign(name);
    }

    /** The name whose number is {@code number}. */
    static synchronized String name(int number) {
        return NAMES.get(number);
    }

    private static synchronized int assign(String name) {
        Integer number = NUMBERS.get(name);
        if (number == null) {
            number = NAMES.size();
            NAMES.add(name);
            NUMBERS.put(name, number);
        }
        return number;
    }
}
