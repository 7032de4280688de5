package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pingppopenapi.spec.PingppSpec;
import org.pingppopenapi.validator.PropertyTest.Generators;
import org.pingppopenapi.validator.PropertyTest.Mutation;
import org.pingppopenapi.validator.internal.RuleEngine;

/**
 * The acceptor generated from the spec at build time against the interpreter: on seeded valid, mutated and junk
 * payloads of every kind, the generated code finds a payload valid exactly when the interpreter reports nothing,
 * and the engine that answers through it reports exactly what the interpreter reports. Rerun a seed with
 * {@code -Dpingpp.acceptor.seed=<seed>}.
 */
class GeneratedAcceptorTest {

    private static final long SEED = Long.getLong("pingpp.acceptor.seed", new SecureRandom().nextLong());
    private static final int PAYLOADS_PER_KIND = 6_000;
    private static final long NOW = Fixtures.NOW;

    private static final RuleEngine BUNDLED = RuleEngine.bundled();
    private static final RuleEngine INTERPRETER = interpreter(specBytes());
    private static final List<RequestKind> KINDS = PingppValidator.fromSpec().kinds();

    @Test
    void theShippedSpecIsValidatedThroughGeneratedCode() {
        assertThat(BUNDLED.hasGeneratedAcceptor()).as("the build generated and compiled BundledSpecAcceptor").isTrue();
        assertThat(INTERPRETER.hasGeneratedAcceptor()).isFalse();
    }

    /**
     * HotSpot never compiles a method of more than 8,000 bytes of bytecode ({@code -XX:HugeMethodLimit}): a
     * generated method that grew past it with the spec would run interpreted, many times slower. The constructor is
     * not on that path: it runs once per validator, and only javac's 64 KiB limit bounds it.
     */
    @Test
    void everyGeneratedMethodIsSmallEnoughForTheJit() {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        StringWriter listing = new StringWriter();
        int exit = javap.run(new PrintWriter(listing), new PrintWriter(new StringWriter()), "-c", "-p", "-cp",
                System.getProperty("java.class.path"), "org.pingppopenapi.validator.internal.BundledSpecAcceptor");
        assertThat(exit).isZero();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        String method = null;
        for (String line : listing.toString().split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("   ") && line.contains("(")) {
                method = line.trim();
            } else if (method != null && line.matches(" +\\d+: .*")) {
                sizes.put(method, Integer.parseInt(line.trim().substring(0, line.trim().indexOf(':'))));
            }
        }
        assertThat(sizes).as("methods of the generated acceptor").hasSizeGreaterThan(KINDS.size());
        String constructor = "org.pingppopenapi.validator.internal.BundledSpecAcceptor(";
        assertThat(sizes.entrySet().stream().filter(entry -> entry.getValue() >= 8_000).map(Map.Entry::getKey)
                .filter(name -> !name.startsWith(constructor)).toList())
                .as("generated methods of 8,000 bytes of bytecode or more").isEmpty();
    }

    @Test
    void anotherRevisionOfTheSpecIsOnlyInterpreted() {
        byte[] edited = (new String(specBytes(), StandardCharsets.UTF_8) + "\n# another revision\n").getBytes(StandardCharsets.UTF_8);
        assertThat(PingppValidator.fromSpec(new ByteArrayInputStream(edited)).validate(Kinds.CHARGE, Fixtures.charge("upacp"),
                java.time.Instant.ofEpochSecond(NOW))).isEmpty();
        assertThat(interpreter(edited).hasGeneratedAcceptor()).isFalse();
    }

    @Test
    void payloadsThatAreNoObjectAgree() {
        for (RequestKind kind : KINDS) {
            for (JsonNode payload : new JsonNode[] {null, MissingNode.getInstance(), Json.NODES.nullNode(), Json.NODES.textNode("{}"),
                    Json.NODES.arrayNode().add(Fixtures.charge("upacp")), Json.NODES.numberNode(1)}) {
                assertThat(BUNDLED.acceptedByGeneratedCode(kind.index, payload, NOW)).as("%s %s", kind, payload).isFalse();
                assertThat(BUNDLED.validate(kind.index, payload, NOW)).isEqualTo(INTERPRETER.validate(kind.index, payload, NOW));
            }
        }
    }

    @Test
    void fieldNamesThatAreNotInternedAreFoundByEquals() {
        ObjectNode charge = Fixtures.charge("upacp");
        charge.set("metadata", Json.object("{\"color\":\"red\"}"));
        ObjectNode copied = Json.NODES.objectNode();
        charge.properties().forEach(field -> copied.set(new String(field.getKey().toCharArray()), field.getValue()));
        assertThat(copied.fieldNames().next()).isNotSameAs(charge.fieldNames().next());

        assertThat(BUNDLED.acceptedByGeneratedCode(Kinds.CHARGE.index, copied, NOW)).isTrue();
        copied.put(new String("amount".toCharArray()), 0);
        assertThat(BUNDLED.acceptedByGeneratedCode(Kinds.CHARGE.index, copied, NOW)).isFalse();
        assertThat(BUNDLED.validate(Kinds.CHARGE.index, copied, NOW)).extracting(Violation::field).containsExactly("amount");
    }

    @TestFactory
    Stream<DynamicTest> generatedCodeAgreesWithTheInterpreter() {
        System.out.println("GeneratedAcceptorTest seed " + SEED + " (rerun with -Dpingpp.acceptor.seed=" + SEED + ")");
        List<DynamicTest> tests = new ArrayList<>();
        for (RequestKind kind : KINDS) {
            tests.add(dynamicTest(kind.name() + " (seed " + SEED + ")", () -> agree(kind, new Random(SEED * 31 + kind.name().hashCode()))));
        }
        return tests.stream();
    }

    private static void agree(RequestKind kind, Random random) {
        List<Mutation> mutations = PropertyTest.schemaMutations(kind);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < PAYLOADS_PER_KIND; i++) {
            ObjectNode payload = Generators.valid(kind, random);
            if (i % 3 == 1) {
                Mutation mutation = mutations.get(random.nextInt(mutations.size()));
                payload = Json.with(payload, mutation.path(), mutation.value());
            } else if (i % 3 == 2) {
                payload = Generators.junk(payload, random);
            }
            List<Violation> interpreted = INTERPRETER.validate(kind.index, payload, NOW);
            boolean generated = BUNDLED.acceptedByGeneratedCode(kind.index, payload, NOW);
            JsonNode shown = payload;
            assertThat(generated).as(() -> "seed " + SEED + ", generated code's answer on " + describe(shown) + ", which the interpreter finds "
                    + interpreted).isEqualTo(interpreted.isEmpty());
            assertThat(BUNDLED.validate(kind.index, payload, NOW)).isEqualTo(interpreted);
            if (generated) {
                accepted++;
            } else {
                rejected++;
            }
        }
        // Both answers must have been exercised, or the agreement says little.
        assertThat(accepted).as("valid payloads of %s", kind).isGreaterThan(PAYLOADS_PER_KIND / 4);
        assertThat(rejected).as("invalid payloads of %s", kind).isGreaterThan(PAYLOADS_PER_KIND / 4);
    }

    private static String describe(JsonNode payload) {
        String text;
        try {
            text = payload.toString();
        } catch (RuntimeException tooDeep) {
            text = "(a payload too deep to print)";
        }
        return text.length() > 600 ? text.substring(0, 600) + "... (" + text.length() + " characters)" : text;
    }

    private static byte[] specBytes() {
        try (InputStream in = PingppSpec.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleEngine interpreter(byte[] spec) {
        return RuleEngine.load(new ByteArrayInputStream(spec));
    }
}
