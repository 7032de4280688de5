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
 * A floor for any validator of {@link ChargeValidationBenchmark}'s charge as a Jackson tree: a hand-written loop that
 * only fetches the values the schema names (the properties of {@code ChargeCreateRequest}, the values in {@code app}
 * and {@code metadata}), tells their kinds apart and reads each string's length, checking nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TreeWalkFloor {

    private static final String[] PROPERTIES = {"order_no", "app", "channel", "amount", "client_ip", "currency",
            "subject", "body", "extra", "time_expire", "metadata", "description"};

    private ObjectNode charge;
    private String[] properties;

    @Setup
    public void setUp() throws IOException {
        charge = (ObjectNode) JsonMapper.builder().build().readTree(ChargeValidationBenchmark.CHARGE);
        // Interned, as the engine's names are, so that lookups match by identity in both.
        properties = new String[PROPERTIES.length];
        for (int i = 0; i < PROPERTIES.length; i++) {
            properties[i] = PROPERTIES[i].intern();
        }
    }

    @Benchmark
    public int readValues() {
        int kinds = 0;
        for (String property : properties) {
            JsonNode value = charge.get(property);
            if (value != null) {
                kinds += kindOf(value);
                if (value instanceof ObjectNode object) {
                    for (Map.Entry<String, JsonNode> field : object.properties()) {
                        kinds += kindOf(field.getValue());
                    }
                } else if (value instanceof TextNode) {
                    kinds += value.textValue().length();
                }
            }
        }
        return kinds;
    }

    private static int kindOf(JsonNode value) {
        Class<?> type = value.getClass();
        return type == TextNode.class ? 1 : type == IntNode.class || type == LongNode.class ? 2 : type == ObjectNode.class ? 3 : 4;
    }
}
