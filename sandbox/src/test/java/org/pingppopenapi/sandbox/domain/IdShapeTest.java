package org.pingppopenapi.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Ids take the shapes the spec gives them: a declared pattern, the property's pattern, or its examples. */
class IdShapeTest {

    private static final Instant AUGUST_27_2016 = Instant.parse("2016-08-27T10:00:00Z");

    @Test
    void aPatternOfLiteralsAndCountedClassesIsFollowed() {
        IdShape shape = IdShape.parse("^ch_[0-9A-Za-z]{24}$", "test");

        String id = shape.next(new AtomicLong(), AUGUST_27_2016);

        assertThat(id).matches("ch_[0-9A-Za-z]{24}");
        assertThat(shape.next(new AtomicLong(), AUGUST_27_2016)).as("random").isNotEqualTo(id);
    }

    @Test
    void aRunOfTenOrMoreDigitsIsTheDateAndASequenceNumber() {
        IdShape shape = IdShape.parse("^201[0-9]{16}$", "test");
        AtomicLong sequence = new AtomicLong();

        assertThat(shape.next(sequence, AUGUST_27_2016)).isEqualTo("2011608270000000001");
        assertThat(shape.next(sequence, AUGUST_27_2016)).isEqualTo("2011608270000000002");
    }

    @Test
    void shortRunsAndEscapesAreRandomAndLiteral() {
        assertThat(IdShape.parse("re_\\-[a-c]{3}\\d{2}", "test").next(new AtomicLong(), AUGUST_27_2016))
                .matches("re_-[a-c]{3}[0-9]{2}");
    }

    @Test
    void aPatternBeyondLiteralsAndCountedClassesIsRefusedNamingTheExtension() {
        assertThatThrownBy(() -> IdShape.parse("^(ch|re)_[0-9]+$", "Charge.id pattern"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Charge.id pattern")
                .hasMessageContaining("x-pingpp-id-pattern");
    }

    @Test
    void anExampleGivesItsPrefixAndTheKindAndLengthOfTheRest() {
        AtomicLong sequence = new AtomicLong();
        assertThat(IdShape.fromExample("tr_130250408562336460800013", "test").next(sequence, AUGUST_27_2016))
                .startsWith("tr_160827").hasSize(27).matches("tr_[0-9]{24}");
        assertThat(IdShape.fromExample("agr_19EEE7QdgGMCoY", "test").next(sequence, AUGUST_27_2016))
                .matches("agr_[0-9A-Za-z]{14}");
        assertThat(IdShape.fromExample("181610081644346142", "test").next(sequence, AUGUST_27_2016))
                .matches("181160827[0-9]{9}");
    }

    @Test
    void theSpecGivesTheShapesOfTheSandboxsIds() {
        IdGenerator ids = new IdGenerator();

        assertThat(ids.charge()).as("from the examples of Charge").matches("ch_[0-9A-Za-z]{24}");
        assertThat(ids.event()).as("from the examples of Event").matches("evt_[0-9A-Za-z]{24}");
        assertThat(ids.order(AUGUST_27_2016)).as("from the examples of Order").matches("200160827[0-9]{10}");
        assertThat(ids.balanceBonus()).as("BalanceBonus.id x-pingpp-id-pattern").matches("650[0-9]{21}");
        assertThat(IdShape.of("SubApp", "id").source()).contains("example");
    }
}
