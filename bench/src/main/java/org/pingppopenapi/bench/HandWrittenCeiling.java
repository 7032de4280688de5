package org.pingppopenapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the checks of {@link ChargeValidationBenchmark}'s UnionPay charge cost written by hand for that one channel:
 * straight-line code with the bounds as literals, the patterns as loops, no violation reporting. Not a validator
 * (other channels, nulls and unusual node classes are not handled); a yardstick for the generated code.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar "HandWrittenCeiling|TreeWalkFloor|ChargeValidationBenchmark.engine$"
 * -prof org.pingppopenapi.bench.CpuTimeProfiler}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandWrittenCeiling {

    private static final long NOW = ChargeValidationBenchmark.NOW.getEpochSecond();
    private static final Map<String, Integer> UNIONPAY_ONE_HOUR = Map.of("upacp", 1, "upacp_pc", 1, "upacp_wap", 1);

    private ObjectNode charge;

    @Setup
    public void setUp() throws IOException {
        charge = (ObjectNode) JsonMapper.builder().build().readTree(ChargeValidationBenchmark.CHARGE);
        if (!isValidUnionPayCharge(charge)) {
            throw new IllegalStateException("the hand-written checks reject the benchmark's charge");
        }
    }

    @Benchmark
    public boolean checkByHand() {
        return isValidUnionPayCharge(charge);
    }

    private static boolean isValidUnionPayCharge(ObjectNode charge) {
        JsonNode channel = charge.get("channel");
        if (!isText(channel) || UNIONPAY_ONE_HOUR.get(channel.textValue()) == null) {
            return false;
        }
        JsonNode orderNo = charge.get("order_no");
        if (!isText(orderNo) || !isLettersAndDigits(orderNo.textValue(), 8, 40)) {
            return false;
        }
        JsonNode app = charge.get("app");
        if (app == null || app.getClass() != ObjectNode.class || !isText(app.get("id")) || app.get("id").textValue().isEmpty()) {
            return false;
        }
        JsonNode amount = charge.get("amount");
        if (!isLong(amount) || amount.longValue() < 1) {
            return false;
        }
        JsonNode clientIp = charge.get("client_ip");
        if (!isText(clientIp) || !isIpv4(clientIp.textValue())) {
            return false;
        }
        JsonNode currency = charge.get("currency");
        if (!isText(currency) || !currency.textValue().equals("cny")) {
            return false;
        }
        JsonNode subject = charge.get("subject");
        if (!isText(subject) || subject.textValue().isEmpty() || subject.textValue().length() > 32 || utf8Bytes(subject.textValue()) > 32) {
            return false;
        }
        JsonNode body = charge.get("body");
        if (!isText(body) || body.textValue().isEmpty() || body.textValue().length() > 128) {
            return false;
        }
        JsonNode extra = charge.get("extra");
        if (extra != null && extra.getClass() != ObjectNode.class) {
            return false;
        }
        JsonNode timeExpire = charge.get("time_expire");
        if (timeExpire != null && (!isLong(timeExpire) || timeExpire.longValue() - NOW < 60 || timeExpire.longValue() - NOW > 3600)) {
            return false;
        }
        JsonNode metadata = charge.get("metadata");
        if (metadata != null && !isSmallMetadata(metadata)) {
            return false;
        }
        JsonNode description = charge.get("description");
        return description == null || isText(description) && description.textValue().length() <= 255;
    }

    private static boolean isText(JsonNode value) {
        return value != null && value.getClass() == TextNode.class;
    }

    private static boolean isLong(JsonNode value) {
        return value != null && (value.getClass() == IntNode.class || value.getClass() == LongNode.class);
    }

    private static boolean isLettersAndDigits(String text, int min, int max) {
        if (text.length() < min || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4(String text) {
        int dots = 0;
        int value = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (value < 0) {
                    return false;
                }
                dots++;
                value = -1;
            } else if (c >= '0' && c <= '9' && value != 0) {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return dots == 3 && value >= 0;
    }

    private static int utf8Bytes(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }

    private static boolean isSmallMetadata(JsonNode metadata) {
        if (metadata.getClass() != ObjectNode.class || metadata.size() > 10) {
            return false;
        }
        int total = 0;
        for (Map.Entry<String, JsonNode> field : metadata.properties()) {
            if (!isText(field.getValue()) || field.getValue().textValue().length() > 1000) {
                return false;
            }
            total += field.getKey().length() + field.getValue().textValue().length();
        }
        return total <= 1000;
    }
}
