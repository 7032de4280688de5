package org.pingppopenapi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The replay cache of request signatures: what it refuses, how long it remembers, and its bound. */
class SeenSignaturesTest {

    private static final long WINDOW = 300;
    private static final long NOW = 1_700_000_000L;

    @Test
    void aSignatureIsAcceptedOnceWithinTheWindow() {
        SeenSignatures seen = new SeenSignatures(10, WINDOW);

        assertThat(seen.firstUse("c2lnbmF0dXJlLTE=", NOW, NOW)).isEqualTo(SeenSignatures.Outcome.FIRST_USE);
        assertThat(seen.firstUse("c2lnbmF0dXJlLTE=", NOW, NOW + WINDOW)).isEqualTo(SeenSignatures.Outcome.REPLAY);
        assertThat(seen.firstUse("c2lnbmF0dXJlLTI=", NOW, NOW + 1)).isEqualTo(SeenSignatures.Outcome.FIRST_USE);
    }

    /** Once its timestamp is out of the window, the timestamp check refuses it: it need not be remembered longer. */
    @Test
    void aSignatureIsForgottenWhenItsTimestampLeavesTheWindow() {
        SeenSignatures seen = new SeenSignatures(10, WINDOW);
        seen.firstUse("c2lnbmF0dXJlLTE=", NOW - WINDOW, NOW);

        assertThat(seen.firstUse("c2lnbmF0dXJlLTE=", NOW - WINDOW, NOW + 1)).isEqualTo(SeenSignatures.Outcome.FIRST_USE);
    }

    @Test
    void whenFullOfLiveSignaturesANewOneIsRefusedNeverLetThrough() {
        SeenSignatures seen = new SeenSignatures(3, WINDOW);
        for (int i = 0; i < 3; i++) {
            assertThat(seen.firstUse("signature-" + i, NOW + i, NOW + i)).isEqualTo(SeenSignatures.Outcome.FIRST_USE);
        }

        assertThat(seen.firstUse("signature-3", NOW + 3, NOW + 3)).isEqualTo(SeenSignatures.Outcome.FULL);
        assertThat(seen.firstUse("signature-0", NOW, NOW + 3)).as("a replay is still a replay").isEqualTo(SeenSignatures.Outcome.REPLAY);
        assertThat(seen.size()).isEqualTo(3);
    }

    @Test
    void expiredSignaturesMakeRoomForNewOnes() {
        SeenSignatures seen = new SeenSignatures(3, WINDOW);
        for (int i = 0; i < 3; i++) {
            seen.firstUse("signature-" + i, NOW + i, NOW + i);
        }

        assertThat(seen.firstUse("signature-3", NOW + WINDOW + 1, NOW + WINDOW + 1)).isEqualTo(SeenSignatures.Outcome.FIRST_USE);
        assertThat(seen.size()).as("the one whose timestamp left the window is gone").isEqualTo(3);
    }

    @Test
    void aCacheWithoutRoomIsRefusedAtOnce() {
        assertThatThrownBy(() -> new SeenSignatures(0, WINDOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
