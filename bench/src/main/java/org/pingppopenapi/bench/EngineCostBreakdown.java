package org.pingppopenapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pingppopenapi.spec.PingppSpec;
import org.pingppopenapi.validator.PingppValidator;
import org.pingppopenapi.validator.Violation;

/**
 * Where the interpreter's time goes on {@link ChargeValidationBenchmark}'s charge (a spec passed in at run time has no
 * generated code, so every variant here is interpreted): the engine compiled from the spec with
 * parts of {@code ChargeCreateRequest} taken away ({@link #spec}), so that the differences between the variants
 * price each part. {@link TreeWalkFloor} is what merely reading the same values costs.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar "EngineCostBreakdown|TreeWalkFloor" -prof org.pingppopenapi.bench.CpuTimeProfiler}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineCostBreakdown {

    /**
     * {@code full}: the spec as it is; {@code noMetadataRule}: without the {@code metadata.total_length} rule;
     * {@code noRules}: without any x-pingpp-rules; {@code noRulesNoPatterns}: nor patterns; {@code typesOnly}: nor
     * length, number and size constraints; {@code noProperties}: an object with no properties at all.
     */
    @Param({"full", "noMetadataRule", "noRules", "noRulesNoPatterns", "typesOnly", "noProperties"})
    public String spec;

    private PingppValidator engine;
    private JsonNode charge;

    @Setup
    public void setUp() throws IOException {
        ObjectNode document;
        try (InputStream in = PingppSpec.open()) {
            document = (ObjectNode) new YAMLMapper().readTree(in);
        }
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
        ObjectNode request = (ObjectNode) schemas.get("ChargeCreateRequest");
        if (!spec.equals("full")) {
            ((ObjectNode) schemas.get("Metadata")).remove("x-pingpp-rules");
        }
        if (!spec.equals("full") && !spec.equals("noMetadataRule")) {
            request.remove("x-pingpp-rules");
        }
        if (spec.equals("noRulesNoPatterns") || spec.equals("typesOnly") || spec.equals("noProperties")) {
            strip(document, List.of("pattern"));
        }
        if (spec.equals("typesOnly") || spec.equals("noProperties")) {
            for (String schema : List.of("ChargeCreateRequest", "Metadata", "AppReference")) {
                strip(schemas.get(schema), List.of("minLength", "maxLength", "minimum", "format", "maxProperties"));
            }
        }
        if (spec.equals("noProperties")) {
            request.remove(List.of("properties", "required"));
        }
        engine = PingppValidator.fromSpec(new ByteArrayInputStream(document.toString().getBytes(StandardCharsets.UTF_8)));
        charge = JsonMapper.builder().build().readTree(ChargeValidationBenchmark.CHARGE);
        List<Violation> violations = engine.validate(ChargeValidationBenchmark.CHARGE_KIND, charge, ChargeValidationBenchmark.NOW);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(spec + ": " + violations);
        }
    }

    private static void strip(JsonNode node, List<String> keywords) {
        if (node instanceof ObjectNode object) {
            object.remove(keywords);
            object.forEach(child -> strip(child, keywords));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> strip(child, keywords));
        }
    }

    @Benchmark
    public List<Violation> engine() {
        return engine.validate(ChargeValidationBenchmark.CHARGE_KIND, charge, ChargeValidationBenchmark.NOW);
    }
}
