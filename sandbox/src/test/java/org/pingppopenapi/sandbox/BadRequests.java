package org.pingppopenapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.pingppopenapi.sandbox.domain.SpecDocument;

/**
 * Generates requests that are wrong in one or more ways, reproducibly from a seed: every operation of the spec,
 * its example body mutated (fields removed, values of every JSON type, huge and odd strings, unknown fields,
 * truncated or non-JSON bodies, forms with bracket keys), odd path ids, out-of-range and malformed query values,
 * other content types and missing, malformed or live keys.
 */
final class BadRequests {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] ODD_STRINGS = {"", " ", "null", "0", "-1", "1e309", "99999999999999999999999",
            "true", "中文字符", "emoji 😀", "\u0000", "a\nb", "<script>", "' OR 1=1 --", "../../etc/passwd", "%00",
            "x".repeat(5000), "app_", "ch_", "sk_test_x", "${jndi:ldap://x}", "\\", "\"", "{}", "[]"};
    private static final String[] QUERY_PARAMS = {"limit", "starting_after", "ending_before", "page", "per_page",
            "created[gt]", "created[gte]", "created[lt]", "created[lte]", "expand[]", "app[id]", "app", "channel",
            "paid", "refunded", "reversed", "canceled", "type", "status", "level", "parent_app", "uid", "user",
            "succeeded", "created", "app[id][x]", "limit[]"};
    private static final String[] QUERY_VALUES = {"-1", "0", "1", "101", "100000001", "abc", "1.5", "", "true", "yes",
            "app", "user", "app_1Gqj58ynP0mHeX1q", "ch_L8qn10mLmr1GS8e5OODmHaL4", "99999999999999999999", "%zz",
            "%E4%B8%AD", "2", "purchase", "recharge", "pending", "x".repeat(300)};

    private final long seed;
    private final URI baseUri;
    private final String apiKey;
    private final List<Operation> operations = operationsOfTheSpec();
    private final ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    BadRequests(long seed, URI baseUri, String apiKey) {
        this.seed = seed;
        this.baseUri = baseUri;
        this.apiKey = apiKey;
    }

    /** How often each status was answered. */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** Sends request number {@code index} of this seed and returns it with its answer. */
    Sent request(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        Operation operation = operations.get(random.nextInt(operations.size()));
        boolean[] routable = {true};
        String path = path(operation.pathTemplate(), random, routable);
        String query = random.nextInt(3) == 0 ? query(random) : "";
        String contentType = contentType(random);
        String body = operation.example() == null && random.nextInt(4) != 0 ? null : body(operation.example(), random);
        String authorization = authorization(random);

        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUri + path + query)).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException unsendable) {
            request = HttpRequest.newBuilder(URI.create(baseUri + "/v1/charges/bad%20id")).timeout(Duration.ofSeconds(60));
            routable[0] = false;
        }
        request.method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        SandboxHttp.Answer answer = SandboxHttp.send(request);
        statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
        String shownBody = body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        return new Sent("#" + index + " " + operation.method() + " " + path + query + " [" + contentType + "]" + shownBody,
                routable[0], answer);
    }

    /**
     * The template with odd values for its parameters; {@code routable[0]} turns false when the path no longer
     * names the operation: a segment in upper case, an empty value or a {@code .} or {@code ..} (which the server
     * resolves away).
     */
    private String path(String template, Random random, boolean[] routable) {
        StringBuilder path = new StringBuilder();
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            path.append('/');
            if (segment.startsWith("{")) {
                String value = pathValue(segment, random);
                routable[0] &= !value.isEmpty() && !value.equals(".") && !value.equals("..");
                path.append(value);
            } else {
                boolean upper = random.nextInt(50) == 0;
                routable[0] &= !upper || segment.equals(segment.toUpperCase(Locale.ROOT));
                path.append(upper ? segment.toUpperCase(Locale.ROOT) : segment);
            }
        }
        if (random.nextInt(20) == 0) {
            path.append('/');
        }
        return path.toString();
    }

    private String pathValue(String parameter, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> parameter.contains("app") ? "app_1Gqj58ynP0mHeX1q" : "ch_L8qn10mLmr1GS8e5OODmHaL4";
            case 1 -> "2001608270000004421";
            case 2 -> encode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            case 3 -> "%" + Integer.toHexString(random.nextInt(256));
            case 4 -> encode(randomString(random, 1 + random.nextInt(40)));
            default -> "isv_qr";
        };
    }

    private static String query(Random random) {
        StringBuilder query = new StringBuilder("?");
        int parameters = 1 + random.nextInt(4);
        for (int i = 0; i < parameters; i++) {
            if (i > 0) {
                query.append('&');
            }
            String name = QUERY_PARAMS[random.nextInt(QUERY_PARAMS.length)];
            String value = QUERY_VALUES[random.nextInt(QUERY_VALUES.length)];
            query.append(random.nextBoolean() ? name.replace("[", "%5B").replace("]", "%5D") : encodeBrackets(name))
                    .append('=').append(value.startsWith("%") ? value : encode(value));
        }
        return query.toString();
    }

    private static String contentType(Random random) {
        return switch (random.nextInt(20)) {
            case 0 -> null;
            case 1 -> "text/plain";
            case 2, 3 -> "application/x-www-form-urlencoded";
            case 4 -> "application/json; charset=iso-8859-1";
            case 5 -> "application/xml";
            case 6 -> "multipart/form-data; boundary=x";
            default -> "application/json";
        };
    }

    private String authorization(Random random) {
        return switch (random.nextInt(40)) {
            case 0 -> null;
            case 1 -> "Bearer ";
            case 2 -> "Basic !!!";
            case 3 -> SandboxHttp.basic("sk_live_" + randomString(random, 24).replaceAll("[^A-Za-z0-9]", "x"));
            case 4 -> "Digest abc";
            case 5 -> "Bearer sk_test_" + Long.toString(random.nextLong(), 36);
            default -> random.nextBoolean() ? SandboxHttp.basic(apiKey) : "Bearer " + apiKey;
        };
    }

    private String body(JsonNode example, Random random) {
        switch (random.nextInt(12)) {
            case 0 -> {
                return randomString(random, random.nextInt(200));
            }
            case 1 -> {
                String json = example == null ? "{\"a\":1}" : example.toString();
                return json.substring(0, random.nextInt(json.length() + 1));
            }
            case 2 -> {
                return formBody(random);
            }
            case 3 -> {
                return "";
            }
            default -> {
                JsonNode mutated = example == null ? JSON.objectNode() : example.deepCopy();
                int mutations = 1 + random.nextInt(3);
                for (int i = 0; i < mutations; i++) {
                    mutated = mutate(mutated, random, 0);
                }
                return mutated.toString();
            }
        }
    }

    private JsonNode mutate(JsonNode node, Random random, int depth) {
        if (node instanceof ObjectNode object && !object.isEmpty() && random.nextInt(4) != 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, randomValue(random, depth));
                case 2 -> object.set(name, mutate(object.get(name), random, depth + 1));
                default -> object.set(randomString(random, 1 + random.nextInt(8)), randomValue(random, depth));
            }
            return object;
        }
        if (node instanceof ArrayNode array && !array.isEmpty() && random.nextBoolean()) {
            int at = random.nextInt(array.size());
            array.set(at, mutate(array.get(at), random, depth + 1));
            return array;
        }
        return randomValue(random, depth);
    }

    private JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 8 : 10)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.numberNode(random.nextLong());
            case 2 -> JSON.numberNode(random.nextDouble() * 1e6);
            case 3 -> JSON.numberNode(new BigInteger("123456789012345678901234567890"));
            case 4 -> JSON.booleanNode(random.nextBoolean());
            case 5 -> JSON.textNode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            case 6 -> JSON.textNode(randomString(random, random.nextInt(64)));
            case 7 -> JSON.numberNode(random.nextInt(3) - 1);
            case 8 -> {
                ArrayNode array = JSON.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomString(random, 1 + random.nextInt(6)), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String formBody(Random random) {
        StringBuilder form = new StringBuilder();
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                form.append('&');
            }
            String name = switch (random.nextInt(6)) {
                case 0 -> "app[id]";
                case 1 -> "metadata[" + randomString(random, 3) + "]";
                case 2 -> "extra[goods_list][" + random.nextInt(3) + "][price]";
                case 3 -> "a[][b]";
                case 4 -> "amount";
                default -> randomString(random, 1 + random.nextInt(6)) + (random.nextBoolean() ? "[" : "]");
            };
            form.append(random.nextBoolean() ? encodeBrackets(name) : encode(name)).append('=')
                    .append(random.nextInt(5) == 0 ? "%G1" : encode(QUERY_VALUES[random.nextInt(QUERY_VALUES.length)]));
        }
        return form.toString();
    }

    private static String randomString(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.appendCodePoint(kind < 6 ? 'a' + random.nextInt(26) : kind < 8 ? 0x20 + random.nextInt(0x5f)
                    : kind == 8 ? 0x4e00 + random.nextInt(0x500) : 0x1f600 + random.nextInt(0x40));
        }
        return text.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeBrackets(String name) {
        return encode(name).replace("%5B", "[").replace("%5D", "]");
    }

    /** Every operation of the spec with its first request body example, if it takes a body. */
    private static List<Operation> operationsOfTheSpec() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = SpecDocument.root().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> {
                JsonNode examples = operation.getValue().path("requestBody").path("content").path("application/json")
                        .path("examples");
                JsonNode example = null;
                if (examples.size() > 0) {
                    JsonNode first = examples.elements().next();
                    example = SpecDocument.resolve(first.path("$ref").asText()).path("value");
                }
                operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), example));
            });
        }
        return operations;
    }

    private record Operation(String method, String pathTemplate, JsonNode example) {
    }

    /** A request as sent, whether its path names an operation of the spec, and its answer. */
    record Sent(String description, boolean routable, SandboxHttp.Answer answer) {
    }
}
