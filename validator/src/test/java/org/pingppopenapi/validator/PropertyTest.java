package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated payloads, seeded: random valid bodies of every kind must pass; a valid body with one field broken
 * against its schema must be rejected with a violation of that field; a body with random junk anywhere must
 * only never throw. Every batch must finish within {@link #BATCH_LIMIT}.
 *
 * <p>The seed is printed and is in every test name and failure; rerun one with
 * {@code -Dpingpp.property.seed=<seed>}.
 */
class PropertyTest {

    private static final long SEED = Long.getLong("pingpp.property.seed", new SecureRandom().nextLong());
    private static final int BATCHES_PER_KIND = 10;
    private static final int PAYLOADS_PER_BATCH = 1_000;
    private static final long REQUIRED_PAYLOADS = 100_000;
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(60);

    private static final PingppValidator VALIDATOR = PingppValidator.fromSpec();
    private static final Instant NOW = Instant.ofEpochSecond(Fixtures.NOW);
    private static final Set<String> SCHEMA_RULES = Set.of("schema.type", "schema.required", "schema.minLength", "schema.maxLength",
            "schema.pattern", "schema.minimum", "schema.maximum", "schema.enum", "schema.maxProperties", "schema.format", "schema.additionalProperties",
            "schema.minItems", "schema.maxItems");
    private static final AtomicLong VALIDATED = new AtomicLong();

    @TestFactory
    Stream<DynamicTest> generatedPayloads() {
        System.out.println("PropertyTest seed " + SEED + " (rerun with -Dpingpp.property.seed=" + SEED + ")");
        List<DynamicTest> tests = new ArrayList<>();
        for (RequestKind kind : VALIDATOR.kinds()) {
            List<Mutation> mutations = schemaMutations(kind);
            for (int batch = 0; batch < BATCHES_PER_KIND; batch++) {
                long batchSeed = SEED * 31 + kind.name().hashCode() * 1_000L + batch;
                tests.add(dynamicTest(kind.name() + " batch " + batch + " (seed " + SEED + ")", () -> assertTimeoutPreemptively(BATCH_LIMIT,
                        () -> runBatch(kind, mutations, new Random(batchSeed)), "seed " + SEED)));
            }
        }
        tests.add(dynamicTest("at least " + REQUIRED_PAYLOADS + " payloads were validated (seed " + SEED + ")",
                () -> assertThat(VALIDATED.get()).isGreaterThanOrEqualTo(REQUIRED_PAYLOADS)));
        return tests.stream();
    }

    private static void runBatch(RequestKind kind, List<Mutation> mutations, Random random) {
        for (int i = 0; i < PAYLOADS_PER_BATCH; i++) {
            ObjectNode payload = Generators.valid(kind, random);
            switch (i % 3) {
                case 0 -> assertThat(validate(kind, payload)).as("seed %d, valid %s", SEED, describe(payload)).isEmpty();
                case 1 -> {
                    Mutation mutation = mutations.get(random.nextInt(mutations.size()));
                    ObjectNode broken = Json.with(payload, mutation.path(), mutation.value());
                    assertThat(validate(kind, broken)).as("seed %d, %s set to %s in %s", SEED, mutation.path(), describe(mutation.value()), describe(broken))
                            .anySatisfy(v -> assertThat(v.field()).isEqualTo(mutation.path()));
                }
                default -> {
                    ObjectNode junk = Generators.junk(payload, random);
                    List<Violation> violations = validate(kind, junk);
                    assertThat(violations).as("seed %d, %s", SEED, describe(junk)).allSatisfy(v -> {
                        assertThat(v.rule()).isIn(union(VALIDATOR.ruleIds(), SCHEMA_RULES));
                        assertThat(v.message()).startsWith(v.field()).contains("(" + v.rule());
                    });
                }
            }
        }
    }

    private static List<Violation> validate(RequestKind kind, JsonNode payload) {
        VALIDATED.incrementAndGet();
        return VALIDATOR.validate(kind, payload, NOW);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }

    private static String describe(Object value) {
        String text;
        try {
            text = Json.node(value).toString();
        } catch (RuntimeException | StackOverflowError e) {
            text = "(a payload too deep to print)";
        }
        return text.length() > 600 ? text.substring(0, 600) + "... (" + text.length() + " characters)" : text;
    }

    // ---------------------------------------------------------------- schema mutations, read from the spec

    record Mutation(String path, Object value) {
    }

    /** For every field of the kind's schema down to two levels: a value that breaks one of its schema constraints. */
    static List<Mutation> schemaMutations(RequestKind kind) {
        List<Mutation> mutations = new ArrayList<>();
        collect(SpecDocument.schema(SpecDocument.requestSchema(kind)), "", mutations, 0);
        return mutations;
    }

    private static void collect(JsonNode schema, String prefix, List<Mutation> mutations, int depth) {
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            JsonNode field = SpecDocument.resolve(property.getValue());
            if (required.contains(property.getKey())) {
                mutations.add(new Mutation(path, Json.ABSENT));
                if (!field.path("nullable").asBoolean()) {
                    mutations.add(new Mutation(path, null));
                }
            }
            switch (field.path("type").asText("")) {
                case "string" -> mutations.add(new Mutation(path, 12345));
                case "integer" -> mutations.addAll(List.of(new Mutation(path, "12"), new Mutation(path, 1.5)));
                case "boolean" -> mutations.add(new Mutation(path, "true"));
                case "object" -> mutations.add(new Mutation(path, "an object"));
                case "array" -> mutations.add(new Mutation(path, Map.of()));
                default -> {
                }
            }
            if (field.has("minLength") && field.get("minLength").asInt() > 0) {
                mutations.add(new Mutation(path, "x".repeat(field.get("minLength").asInt() - 1)));
            }
            if (field.has("maxLength")) {
                mutations.add(new Mutation(path, "x".repeat(field.get("maxLength").asInt() + 1)));
            }
            if (field.has("pattern")) {
                mutations.add(new Mutation(path, "!?"));
            }
            if (field.has("minimum")) {
                mutations.add(new Mutation(path, field.get("minimum").decimalValue().subtract(BigDecimal.ONE)));
            }
            if (field.has("maximum")) {
                mutations.add(new Mutation(path, field.get("maximum").decimalValue().add(BigDecimal.ONE)));
            }
            if (field.has("enum")) {
                mutations.add(new Mutation(path, "not_one_of_them"));
            }
            if ("int32".equals(field.path("format").asText())) {
                mutations.add(new Mutation(path, 1L << 31));
            }
            if ("int64".equals(field.path("format").asText())) {
                mutations.add(new Mutation(path, BigInteger.ONE.shiftLeft(63)));
            }
            if (field.has("minItems") && field.get("minItems").asInt() > 0) {
                mutations.add(new Mutation(path, List.of()));
            }
            if (field.has("maxItems")) {
                mutations.add(new Mutation(path, java.util.Collections.nCopies(field.get("maxItems").asInt() + 1,
                        Json.NODES.objectNode())));
            }
            if (field.has("maxProperties")) {
                Map<String, String> tooMany = new java.util.LinkedHashMap<>();
                for (int i = 0; i <= field.get("maxProperties").asInt(); i++) {
                    tooMany.put("k" + i, "v");
                }
                mutations.add(new Mutation(path, tooMany));
            }
            if (depth == 0 && field.has("properties") && required.contains(property.getKey())) {
                collect(field, path, mutations, depth + 1);
            }
        }
    }

    // ---------------------------------------------------------------- generators

    /** Random bodies within bounds every channel of the kind accepts, so each must be valid. */
    static final class Generators {

        private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        private Generators() {
        }

        /**
         * A random valid body: for the kinds of the seed operations, drawn from the bounds of the documents; for any
         * other kind, the spec's request example, which the mutations and the junk then vary.
         */
        static ObjectNode valid(RequestKind kind, Random random) {
            return switch (kind.name()) {
                case "charge" -> charge(random);
                case "charge-refund" -> {
                    ObjectNode refund = Json.object("{}");
                    refund.put("description", text(random, 1, 255));
                    maybe(random, () -> refund.put("amount", between(random, 1, 1_000_000_000)));
                    maybe(random, () -> refund.put("funding_source", pick(random, "unsettled_funds", "recharge_funds")));
                    maybe(random, () -> refund.set("metadata", metadata(random)));
                    yield refund;
                }
                case "recharge" -> recharge(random);
                case "order" -> order(random);
                case "order-pay" -> {
                    if (random.nextBoolean()) {
                        ObjectNode pay = Json.object("{\"charge_amount\":0}");
                        pay.put("balance_amount", between(random, 0, 1_000_000));
                        yield pay;
                    }
                    ObjectNode pay = Fixtures.orderPay(pick(random, Fixtures.CHARGE_CHANNELS.toArray(String[]::new)));
                    pay.put("charge_amount", between(random, 1, 1_000_000_000));
                    maybe(random, () -> pay.put("time_expire", Fixtures.NOW + between(random, 300, 3600)));
                    maybe(random, () -> pay.put("charge_order_no", alnum(random, 1, 32)));
                    yield pay;
                }
                case "order-cancel" -> {
                    ObjectNode cancel = Json.object("{\"status\":\"canceled\"}");
                    maybe(random, () -> cancel.put("user", text(random, 0, 64)));
                    yield cancel;
                }
                case "order-refund" -> {
                    ObjectNode refund = Json.object("{}");
                    refund.put("description", text(random, 1, 255));
                    maybe(random, () -> refund.put("charge_amount", between(random, 1, 1_000_000)));
                    maybe(random, () -> refund.put("refund_mode", pick(random, "to_source", "to_balance")));
                    maybe(random, () -> refund.put("funding_source", pick(random, "unsettled_funds", "recharge_funds")));
                    maybe(random, () -> refund.withArray("royalty_users").addObject().put("user", alnum(random, 1, 20)).put("amount", between(random, 0, 100)));
                    maybe(random, () -> refund.set("metadata", metadata(random)));
                    yield refund;
                }
                case "sub-app", "sub-app-update" -> {
                    ObjectNode subApp = Json.object("{}");
                    if (kind.equals(Kinds.SUB_APP) || random.nextBoolean()) {
                        subApp.put("display_name", text(random, 2, 50));
                    }
                    if (kind.equals(Kinds.SUB_APP)) {
                        subApp.put("user", text(random, 1, 64));
                    }
                    maybe(random, () -> subApp.put("description", text(random, 2, 50)));
                    maybe(random, () -> subApp.put("parent_app", "app_" + alnum(random, 16, 16)));
                    maybe(random, () -> subApp.set("metadata", metadata(random)));
                    yield subApp;
                }
                case "sub-app-channel", "sub-app-channel-update" -> {
                    ObjectNode channel = Fixtures.subAppChannel(pick(random, "isv_qr", "isv_scan", "isv_wap", "isv_wap_cil", "isv_qr_cil"));
                    ObjectNode params = (ObjectNode) channel.get("params");
                    maybe(random, () -> params.put("fee_rate", between(random, 0, 10_000)));
                    params.put("mer_id", alnum(random, 15, 15)).put("inst_id", alnum(random, 8, 8)).put("key", alnum(random, 32, 32))
                            .put("support_refund", random.nextBoolean());
                    boolean banned = random.nextBoolean();
                    channel.put("banned", banned);
                    if (banned) {
                        channel.put("banned_msg", text(random, 1, 80));
                    }
                    if (kind.equals(Kinds.SUB_APP_CHANNEL_UPDATE)) {
                        channel.remove("channel");
                    }
                    yield channel;
                }
                default -> Fixtures.valid(kind);
            };
        }

        private static ObjectNode charge(Random random) {
            ObjectNode charge = Fixtures.charge(pick(random, Fixtures.CHARGE_CHANNELS.toArray(String[]::new)));
            charge.put("order_no", alnum(random, 8, 20));
            charge.put("amount", between(random, 1, 1_000_000_000));
            charge.put("client_ip", random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
            charge.put("subject", random.nextBoolean() ? alnum(random, 1, 32) : cjk(random, 1, 10));
            charge.put("body", text(random, 1, 100));
            maybe(random, () -> charge.put("description", text(random, 0, 255)));
            maybe(random, () -> charge.set("metadata", metadata(random)));
            maybe(random, () -> charge.put("time_expire", Fixtures.NOW + between(random, 300, 3600)));
            return charge;
        }

        private static ObjectNode recharge(Random random) {
            List<String> channels = new ArrayList<>(Fixtures.CHARGE_CHANNELS);
            channels.add("custom");
            ObjectNode recharge = Fixtures.recharge(pick(random, channels.toArray(String[]::new)));
            ObjectNode charge = (ObjectNode) recharge.get("charge");
            long amount = between(random, 0, 1_000_000_000);
            charge.put("amount", amount);
            charge.put("order_no", alnum(random, 8, 20));
            charge.put("subject", alnum(random, 1, 32));
            charge.put("body", text(random, 1, 100));
            maybe(random, () -> charge.put("time_expire", Fixtures.NOW + between(random, 60, 3600)));
            long fee = random.nextBoolean() ? between(random, 0, amount) : 0;
            if (fee > 0) {
                recharge.put("user_fee", fee);
            } else {
                maybe(random, () -> recharge.putObject("balance_bonus").put("amount", between(random, 0, 10_000)));
            }
            maybe(random, () -> recharge.set("metadata", metadata(random)));
            return recharge;
        }

        private static ObjectNode order(Random random) {
            ObjectNode order = Fixtures.valid(Kinds.ORDER);
            order.put("merchant_order_no", alnum(random, 15, 32));
            order.put("uid", "u" + alnum(random, 0, 63));
            order.put("amount", between(random, 1, 1_000_000_000));
            order.put("subject", text(random, 1, 32));
            order.put("body", text(random, 1, 128));
            maybe(random, () -> order.put("coupon", alnum(random, 24, 24)));
            maybe(random, () -> order.put("actual_amount", between(random, 0, 1_000_000_000)));
            maybe(random, () -> order.put("time_expire", Fixtures.NOW + between(random, 60, 86400)));
            maybe(random, () -> {
                ArrayNode users = order.putArray("royalty_users");
                for (int i = random.nextInt(4); i > 0; i--) {
                    users.addObject().put("user", alnum(random, 1, 20)).put("amount", between(random, 0, 100));
                }
            });
            maybe(random, () -> order.set("metadata", metadata(random)));
            return order;
        }

        /** At most 10 pairs and 1000 characters in all. */
        private static ObjectNode metadata(Random random) {
            ObjectNode metadata = Json.object("{}");
            int pairs = random.nextInt(11);
            for (int i = 0; i < pairs; i++) {
                metadata.put("k" + i + text(random, 0, 4), text(random, 0, 90));
            }
            return metadata;
        }

        /** Valid junk: 1 to 3 random edits anywhere in a valid body. */
        static ObjectNode junk(ObjectNode valid, Random random) {
            ObjectNode junk = valid.deepCopy();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                List<ObjectNode> objects = new ArrayList<>();
                collectObjects(junk, objects, 0);
                ObjectNode target = objects.get(random.nextInt(objects.size()));
                List<String> names = new ArrayList<>();
                target.fieldNames().forEachRemaining(names::add);
                String name = names.isEmpty() || random.nextInt(4) == 0 ? text(random, 0, 12) : names.get(random.nextInt(names.size()));
                if (random.nextInt(8) == 0) {
                    target.remove(name);
                } else {
                    target.set(name, randomValue(random, 0));
                }
            }
            return junk;
        }

        /** The objects to edit, down to a depth that stays clear of the deep junk an earlier edit may have put in. */
        private static void collectObjects(JsonNode node, List<ObjectNode> objects, int depth) {
            if (node instanceof ObjectNode object) {
                objects.add(object);
            }
            if (node.isContainerNode() && depth < 6) {
                node.forEach(child -> collectObjects(child, objects, depth + 1));
            }
        }

        private static JsonNode randomValue(Random random, int depth) {
            return switch (random.nextInt(depth > 3 ? 9 : 12)) {
                case 0 -> Json.NODES.nullNode();
                case 1 -> Json.NODES.booleanNode(random.nextBoolean());
                case 2 -> Json.NODES.numberNode(random.nextLong());
                case 3 -> Json.NODES.numberNode(pick(random, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e-300, random.nextDouble()));
                case 4 -> Json.NODES.numberNode(new BigDecimal(BigInteger.valueOf(random.nextLong()).pow(1 + random.nextInt(20)), random.nextInt(40) - 20));
                case 5 -> Json.NODES.textNode(text(random, 0, 40));
                case 6 -> Json.NODES.textNode(random.nextInt(20) == 0 ? "\uD800".repeat(100_000) : "9".repeat(random.nextInt(200)));
                case 7 -> Json.NODES.textNode(random.nextInt(10) == 0 ? "x".repeat(1 + random.nextInt(200_000)) : "\n");
                case 8 -> deep(random.nextInt(10) == 0 ? 2_000 : 50, random);
                case 9 -> {
                    ArrayNode array = Json.NODES.arrayNode();
                    for (int i = random.nextInt(5); i > 0; i--) {
                        array.add(randomValue(random, depth + 1));
                    }
                    yield array;
                }
                default -> {
                    ObjectNode object = Json.NODES.objectNode();
                    for (int i = random.nextInt(5); i > 0; i--) {
                        object.set(pick(random, "order_no", "amount", "channel", "id", "goods_list", "price", text(random, 1, 6)), randomValue(random, depth + 1));
                    }
                    yield object;
                }
            };
        }

        private static JsonNode deep(int depth, Random random) {
            JsonNode node = Json.NODES.textNode("bottom");
            for (int i = 0; i < depth; i++) {
                node = random.nextBoolean() ? Json.NODES.arrayNode().add(node) : Json.NODES.objectNode().set("n", node);
            }
            return node;
        }

        private static void maybe(Random random, Runnable edit) {
            if (random.nextBoolean()) {
                edit.run();
            }
        }

        private static long between(Random random, long min, long max) {
            return min + (long) (random.nextDouble() * (max - min + 1));
        }

        @SafeVarargs
        private static <T> T pick(Random random, T... values) {
            return values[random.nextInt(values.length)];
        }

        private static String alnum(Random random, int min, int max) {
            StringBuilder text = new StringBuilder();
            for (int i = (int) between(random, min, max); i > 0; i--) {
                text.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
            }
            return text.toString();
        }

        private static String cjk(Random random, int min, int max) {
            StringBuilder text = new StringBuilder();
            for (int i = (int) between(random, min, max); i > 0; i--) {
                text.append((char) (0x4E00 + random.nextInt(0x5000)));
            }
            return text.toString();
        }

        /** Code points from ASCII, CJK and emoji, counted in code points. */
        private static String text(Random random, int min, int max) {
            StringBuilder text = new StringBuilder();
            for (int i = (int) between(random, min, max); i > 0; i--) {
                int kind = random.nextInt(4);
                int codePoint = kind == 0 ? 0x20 + random.nextInt(0x5F) : kind == 1 ? 0x4E00 + random.nextInt(0x5000)
                        : kind == 2 ? 0x1F600 + random.nextInt(0x50) : 'a' + random.nextInt(26);
                text.appendCodePoint(codePoint);
            }
            return text.toString();
        }
    }
}
