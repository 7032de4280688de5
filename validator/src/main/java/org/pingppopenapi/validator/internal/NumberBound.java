package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** An inclusive {@code minimum} or {@code maximum}; ints and longs compare without allocating. */
final class NumberBound {

    private final BigDecimal limit;
    private final boolean isMinimum;
    private final boolean limitFitsLong;
    private final long longLimit;

    NumberBound(BigDecimal limit, boolean isMinimum) {
        this.limit = limit;
        this.isMinimum = isMinimum;
        BigDecimal integral = limit.stripTrailingZeros();
        this.limitFitsLong = integral.scale() <= 0 && integral.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && integral.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0;
        this.longLimit = limitFitsLong ? integral.longValueExact() : 0;
    }

    /** The limit when it is an integer a {@code long} holds; null otherwise. */
    Long longLimit() {
        return limitFitsLong ? longLimit : null;
    }

    BigDecimal limit() {
        return limit;
    }

    boolean isMinimum() {
        return isMinimum;
    }

    /** Whether a JSON value is a finite number within the bound. */
    boolean admits(JsonNode value) {
        if (limitFitsLong && (value.isInt() || value.isLong())) {
            long number = value.longValue();
            return isMinimum ? number >= longLimit : number <= longLimit;
        }
        BigDecimal number = JsonValues.decimal(value);
        if (number == null) {
            return false;
        }
        int comparison = number.compareTo(limit);
        return isMinimum ? comparison >= 0 : comparison <= 0;
    }

    String problem(JsonNode value) {
        BigDecimal number = JsonValues.decimal(value);
        if (number == null) {
            return Keyword.wrongType("a finite number", value);
        }
        return (isMinimum ? "must be at least " : "must be at most ") + limit.toPlainString() + ", is " + JsonValues.shortNumber(number);
    }
}
