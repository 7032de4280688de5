package org.pingppopenapi.prism.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRingTest {

    @Test
    void keepsOnlyTheNewestLinesOldestFirst() {
        LogRing ring = new LogRing(3);
        for (String line : new String[] {"one", "two", "three", "four", "five"}) {
            ring.add(line);
        }

        assertThat(ring.lines()).containsExactly("three", "four", "five");
        assertThat(ring.last(2)).containsExactly("four", "five");
        assertThat(ring.last(10)).containsExactly("three", "four", "five");
    }
}
