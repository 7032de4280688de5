package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pingppopenapi.sandbox.domain.SpecDocument;
import org.pingppopenapi.sandbox.store.SpecOperation;
import org.pingppopenapi.sandbox.store.SpecOperations;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.WebhookSignature;

/**
 * The sandbox serves every operation of the spec: for every operation and every request example of the spec, a
 * request with a test key of a new account is routed (never the router's 404, never a 405) and its answer obeys the
 * spec, judged by swagger-request-validator. The objects a path names are made first, the way the spec makes them:
 * the {@code POST} of the path's collection with its first example (a charge the setup makes is paid, through the
 * sandbox's own endpoint, so that it can be refunded; an optional parameter that names an object of the documents'
 * account, which a new account does not have, is left out), else the first object its list shows, else the
 * parameter's example. An example that gives the creation time its times are measured from ({@code x-pingpp-created})
 * is sent with those times moved to now: the fields its request schema's rules measure with {@code secondsAfterNow}.
 *
 * <p>Twice: against the sandbox, whose hand-written behaviour may refuse an example within the spec (402 for an
 * order that is not paid yet), and against the generic store alone (no hand-written behaviour), which must answer
 * 2xx whenever the setup could make the objects the path names.
 *
 * <p>Every 2xx answer carries {@code X-Pingplusplus-Signature} over its raw body, verified with the sandbox's public
 * key (issue 14: pingpp-java 2.5+ fails a call without it), and in the end every operation of the spec has answered
 * such a signed 2xx at least once.
 */
class SpecConformanceTest {

    private static Served full;
    private static Served genericOnly;

    @BeforeAll
    static void start() {
        full = new Served(Sandbox.builder().start(), false);
        genericOnly = new Served(Sandbox.builder().handWritten(List.of()).start(), true);
    }

    @AfterAll
    static void stop() {
        System.out.println("SpecConformanceTest statuses: sandbox " + full.statuses + ", generic store alone "
                + genericOnly.statuses);
        full.sandbox.close();
        genericOnly.sandbox.close();
    }

    @TestFactory
    Stream<DynamicNode> everyOperationAndEveryExampleIsRoutedAndAnsweredWithinTheSpec() {
        List<Case> cases = cases();
        return Stream.of(
                DynamicContainer.dynamicContainer("sandbox", cases.stream()
                        .map(each -> DynamicTest.dynamicTest(each.name(), () -> full.check(each)))),
                DynamicContainer.dynamicContainer("generic store alone", cases.stream()
                        .map(each -> DynamicTest.dynamicTest(each.name(), () -> genericOnly.check(each)))),
                DynamicTest.dynamicTest("every operation whose objects a new account can make answered a signed 2xx", () -> {
                    Set<String> signed = new TreeSet<>(full.signed2xx);
                    signed.addAll(genericOnly.signed2xx);
                    Set<String> unmade = new TreeSet<>(genericOnly.objectsNotMade);
                    unmade.removeAll(signed);
                    System.out.println("SpecConformanceTest: no signed 2xx, as a new account cannot make the objects their"
                            + " paths name through the spec's own operations (ResponseSignaturesTest's flow covers them): " + unmade);
                    Set<String> expected = new TreeSet<>(cases.stream().map(Case::operationId).toList());
                    expected.removeAll(unmade);
                    assertThat(signed).isEqualTo(expected);
                }));
    }

    /** One request of the test: an operation and one of its request examples (or none, when it takes no body). */
    record Case(String method, String path, String operationId, String exampleName, JsonNode example, Optional<Instant> createdAt,
            JsonNode operation) {

        String name() {
            return operationId + (exampleName == null ? "" : " " + exampleName);
        }

        /** The body to send now: the example, its times moved from the creation time it gives to now. */
        JsonNode body() {
            if (example == null || createdAt.isEmpty()) {
                return example;
            }
            long shift = Instant.now().getEpochSecond() - createdAt.get().getEpochSecond();
            JsonNode moved = example.deepCopy();
            JsonNode schema = SpecDocument.resolved(operation.path("requestBody").path("content").path("application/json")
                    .path("schema"));
            for (String path : timePaths(schema, "", 0)) {
                JsonNode parent = moved;
                String[] names = path.split("\\.");
                for (int i = 0; i < names.length - 1 && parent != null; i++) {
                    parent = parent.get(names[i]);
                }
                String field = names[names.length - 1];
                if (parent instanceof ObjectNode object && object.path(field).canConvertToLong()) {
                    object.put(field, object.get(field).asLong() + shift);
                }
            }
            return moved;
        }
    }

    /** The dotted paths that the rules of a request schema, and of the schemas in it, measure with secondsAfterNow. */
    private static Set<String> timePaths(JsonNode schema, String prefix, int depth) {
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode rule : schema.path("x-pingpp-rules")) {
            rule.path("then").fields().forEachRemaining(constraint -> {
                if (constraint.getValue().has("secondsAfterNow")) {
                    paths.add(prefix + constraint.getKey());
                }
            });
        }
        if (depth < 4) {
            schema.path("properties").fields().forEachRemaining(property -> paths.addAll(
                    timePaths(SpecDocument.resolved(property.getValue()), prefix + property.getKey() + ".", depth + 1)));
        }
        return paths;
    }

    /** A running sandbox and how the cases went on it. */
    private static final class Served {

        private final boolean genericStoreAlone;
        private final Sandbox sandbox;
        private final java.security.PublicKey publicKey;
        /** The operations that answered a 2xx whose signature verified. */
        private final Set<String> signed2xx = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** The operations whose path names an object the setup could not make. */
        private final Set<String> objectsNotMade = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Map<Integer, Integer> statuses = new TreeMap<>();

        Served(Sandbox sandbox, boolean genericStoreAlone) {
            this.genericStoreAlone = genericStoreAlone;
            this.sandbox = sandbox;
            this.publicKey = PemKeys.publicKey(sandbox.webhookPublicKeyPem());
        }

        void check(Case example) {
            SandboxHttp http = new SandboxHttp(sandbox.baseUri(), Fixtures.newKey());
            Setup setup = new Setup(http);
            String path = setup.path(example);
            if (!setup.madeEveryObject()) {
                objectsNotMade.add(example.operationId());
            }
            String query = requiredQuery(example.operation());
            SandboxHttp.Answer answer = SandboxHttp.send(http.request(path + query)
                    .header("Content-Type", "application/json")
                    .method(example.method(), example.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(example.body().toString())));
            statuses.merge(answer.status(), 1, Integer::sum);
            System.out.println("SpecConformanceTest " + (genericStoreAlone ? "[generic store alone] " : "[sandbox] ")
                    + example.name() + ": " + answer.status() + (answer.status() < 300 ? "" : " " + answer.error().path("message").asText()));
            String described = example.method() + " " + path + query + " -> " + answer.status() + " " + answer.body();

            assertThat(answer.status()).as("routed: " + described).isNotEqualTo(405);
            if (answer.status() == 404) {
                assertThat(answer.error().path("message").asText()).as("routed: " + described)
                        .doesNotStartWith(RobustnessTest.UNROUTED);
            }
            assertThat(SpecAnswers.problems(example.method(), path, answer)).as("within the spec: " + described).isEmpty();
            if (answer.status() >= 200 && answer.status() < 300) {
                String signature = answer.response().headers().firstValue(WebhookSignature.HEADER).orElse(null);
                assertThat(signature).as("the signature of " + described).isNotNull();
                assertThat(WebhookSignature.verify(publicKey, answer.body().getBytes(StandardCharsets.UTF_8), signature))
                        .as("the signature of " + described + " verifies with the sandbox's public key").isTrue();
                signed2xx.add(example.operationId());
            }
            if (genericStoreAlone && setup.madeEveryObject()) {
                assertThat(answer.status()).as("the generic store serves it: " + described).isBetween(200, 299);
            }
        }
    }

    /** Makes the objects a path names, the way the spec makes them. */
    private static final class Setup {

        private final SandboxHttp http;
        private boolean madeEveryObject = true;

        Setup(SandboxHttp http) {
            this.http = http;
        }

        boolean madeEveryObject() {
            return madeEveryObject;
        }

        /** The example's path with an object of the account for each parameter. */
        String path(Case example) {
            List<String> segments = segments(example.path());
            List<String> actual = new ArrayList<>();
            for (String segment : segments) {
                actual.add(isParameter(segment) ? encode(objectFor(segments, actual, segment, example.operation())) : segment);
            }
            return "/" + String.join("/", actual);
        }

        /**
         * An object for the parameter that follows {@code before}: made by the collection's {@code POST}, the first of
         * its list, or the parameter's example.
         */
        private String objectFor(List<String> template, List<String> before, String parameter, JsonNode operation) {
            String name = parameter.substring(1, parameter.length() - 1);
            String collection = "/" + String.join("/", before);
            JsonNode create = operationAt(template.subList(0, before.size()), "post");
            if (create != null) {
                SandboxHttp.Answer made = make(collection, create);
                if (made.status() == 200) {
                    payTheCharges(made.json());
                    JsonNode object = made.json().has("data") ? made.json().path("data").path(0) : made.json();
                    return object.has(name) ? object.get(name).asText() : object.path("id").asText();
                }
            }
            JsonNode list = operationAt(template.subList(0, before.size()), "get");
            if (list != null) {
                SandboxHttp.Answer listed = http.get(collection + requiredQuery(list));
                JsonNode first = listed.status() == 200 ? listed.json().path("data").path(0) : null;
                if (first != null && !first.isMissingNode()) {
                    return first.has(name) ? first.get(name).asText() : first.path("id").asText();
                }
            }
            // Nothing makes or lists the objects of this parameter (apps exist as soon as they are named): the
            // example names one. Otherwise the setup could not make the object, and the example names none.
            madeEveryObject &= create == null && list == null;
            return parameterExample(operation, name);
        }

        /**
         * The answer to the collection's {@code POST} with its first example; an optional parameter the answer refuses
         * as naming no object of the account is left out and the request sent again.
         */
        private SandboxHttp.Answer make(String collection, JsonNode create) {
            JsonNode body = firstExample(create).map(Case::body).orElse(JsonNodeFactory.instance.objectNode());
            SandboxHttp.Answer made = post(collection, body);
            JsonNode schema = SpecDocument.resolved(create.path("requestBody").path("content").path("application/json")
                    .path("schema"));
            for (int retry = 0; retry < 3 && made.status() == 400; retry++) {
                String param = made.error().path("param").asText("");
                if (!(body instanceof ObjectNode object) || !object.path(param).isTextual() || requires(schema, param)) {
                    break;
                }
                object.remove(param);
                made = post(collection, object);
            }
            return made;
        }

        private SandboxHttp.Answer post(String path, JsonNode body) {
            return SandboxHttp.send(http.request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        /** Pays every charge an answer shows, as its customer would, so that what it pays for can be refunded. */
        private void payTheCharges(JsonNode answer) {
            List<String> charges = new ArrayList<>();
            collectCharges(answer, charges);
            charges.forEach(charge -> http.post("/sandbox/charges/" + charge + "/pay"));
        }

        private static void collectCharges(JsonNode node, List<String> charges) {
            if (node.isObject()) {
                if ("charge".equals(node.path("object").asText()) && !node.path("paid").asBoolean(true)) {
                    charges.add(node.path("id").asText());
                } else if (node.path("charge").isTextual()) {
                    charges.add(node.get("charge").asText());
                }
                node.forEach(child -> collectCharges(child, charges));
            } else if (node.isArray()) {
                node.forEach(child -> collectCharges(child, charges));
            }
        }
    }

    /** Every operation of the spec with each of its request examples, or once without one. */
    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (SpecOperation each : SpecOperations.bundled().all()) {
            JsonNode operation = each.node();
            JsonNode examples = operation.path("requestBody").path("content").path("application/json").path("examples");
            if (examples.isEmpty()) {
                JsonNode body = operation.has("requestBody") ? JsonNodeFactory.instance.objectNode() : null;
                cases.add(new Case(each.method(), each.path(), each.operationId(), null, body, Optional.empty(), operation));
            }
            examples.fields().forEachRemaining(example ->
                    cases.add(exampleCase(each.method(), each.path(), operation, example.getKey(), example.getValue())));
        }
        return cases;
    }

    /** The first request example of an operation. */
    private static Optional<Case> firstExample(JsonNode operation) {
        JsonNode examples = operation.path("requestBody").path("content").path("application/json").path("examples");
        if (examples.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(exampleCase("POST", "", operation, "", examples.elements().next()));
    }

    private static Case exampleCase(String method, String path, JsonNode operation, String name, JsonNode example) {
        JsonNode resolved = SpecDocument.resolved(example);
        Optional<Instant> created = resolved.has("x-pingpp-created")
                ? Optional.of(Instant.ofEpochSecond(resolved.get("x-pingpp-created").asLong())) : Optional.empty();
        return new Case(method, path, operation.path("operationId").asText(), name, resolved.path("value"), created, operation);
    }

    /** The operation at the path whose segments are {@code segments}, by method; parameters match by position. */
    private static JsonNode operationAt(List<String> segments, String method) {
        Iterator<Map.Entry<String, JsonNode>> paths = SpecDocument.root().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<String> candidate = segments(path.getKey());
            if (candidate.size() != segments.size()) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < candidate.size() && same; i++) {
                same = isParameter(candidate.get(i)) ? isParameter(segments.get(i)) : candidate.get(i).equals(segments.get(i));
            }
            if (same && path.getValue().has(method)) {
                return path.getValue().get(method);
            }
        }
        return null;
    }

    private static boolean requires(JsonNode schema, String property) {
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(property)) {
                return true;
            }
        }
        return false;
    }

    /** {@code ?name=example} for every required query parameter of the operation. */
    private static String requiredQuery(JsonNode operation) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = SpecDocument.resolved(parameter);
            if (!"query".equals(resolved.path("in").asText()) || !resolved.path("required").asBoolean(false)) {
                continue;
            }
            JsonNode example = resolved.path("example");
            if ("deepObject".equals(resolved.path("style").asText()) && example.isObject()) {
                example.fields().forEachRemaining(field -> pairs.add(encode(resolved.path("name").asText() + "["
                        + field.getKey() + "]") + "=" + encode(field.getValue().asText())));
            } else {
                pairs.add(encode(resolved.path("name").asText()) + "=" + encode(example(resolved)));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String parameterExample(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = SpecDocument.resolved(parameter);
            if (name.equals(resolved.path("name").asText())) {
                return example(resolved);
            }
        }
        return "none";
    }

    private static String example(JsonNode parameter) {
        JsonNode example = parameter.has("example") ? parameter.get("example") : parameter.path("schema").path("example");
        if (example.isMissingNode()) {
            JsonNode values = parameter.path("schema").path("enum");
            example = values.isEmpty() ? parameter.path("schema").path("default") : values.get(0);
        }
        return example.asText("none");
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
