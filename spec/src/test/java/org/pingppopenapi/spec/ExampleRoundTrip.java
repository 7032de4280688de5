package org.pingppopenapi.spec;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.pingppopenapi.prism.PrismViolation;
import org.pingppopenapi.prism.PrismViolations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Sends one operation's example request to a mock server and compares the answer with its example response.
 *
 * <p>The request is built from the spec alone: path, query and header parameters from their examples, the
 * first named example of the JSON request body, and Ping++ Basic authentication with a test secret key. A
 * parameter's example is its {@code example}, else its first {@code examples} entry, else its schema's
 * {@code example}; optional parameters are sent when they have one, required ones must have one.
 *
 * <p>The expected answer is the first named example of the operation's lowest 2xx JSON response, which is what
 * Prism serves by default.
 */
final class ExampleRoundTrip {

    /** The test-mode secret key of Ping++'s own documentation; Prism checks the Basic scheme, not the key. */
    static final String TEST_SECRET_KEY = "sk_test_ibbTe5jLGCi5rzfH4OqPW9KC";
    static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString((TEST_SECRET_KEY + ":").getBytes(StandardCharsets.UTF_8));

    private static final String JSON = "application/json";
    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    /** Numbers are equal when their values are, whatever their notation (100 and 100.0). */
    private static final Comparator<JsonNode> SAME_VALUE = (left, right) -> {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        return left.equals(right) ? 0 : 1;
    };

    private final JsonNode tree;
    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ExampleRoundTrip(SpecDocument spec, URI baseUri) {
        this.tree = spec.tree();
        this.baseUri = baseUri;
    }

    /** A request as the spec's examples describe it; {@code pathAndQuery} is encoded. */
    private record PlannedRequest(String method, String pathAndQuery, Map<String, String> headers, Optional<String> jsonBody) {
    }

    /** The answer the spec's examples promise. */
    private record ExpectedResponse(int status, String exampleName, JsonNode body) {
    }

    /** Everything wrong with the exchange; empty when the mock answered 2xx, cleanly, with the expected example. */
    List<String> problems(OperationSite site) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        JsonNode operation = tree.at(site.pointer());
        PlannedRequest request = plan(site, operation, problems);
        Optional<ExpectedResponse> expected = expectedResponse(operation, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        HttpResponse<String> response;
        try {
            response = http.send(toHttpRequest(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return List.of(request.method() + " " + request.pathAndQuery() + " failed: " + e);
        }
        String exchange = request.method() + " " + request.pathAndQuery() + " answered " + response.statusCode();
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            problems.add(exchange + ", not 2xx: " + response.body());
        }
        List<PrismViolation> violations = PrismViolations.in(response.headers().map());
        if (!violations.isEmpty()) {
            problems.add(exchange + " with violations: " + violations + bracketedNameHint(violations));
        }
        expected.ifPresent(expectation -> compareBody(exchange, expectation, response, problems));
        return problems;
    }

    private static void compareBody(String exchange, ExpectedResponse expected, HttpResponse<String> response, List<String> problems) {
        try {
            JsonNode actual = Objects.requireNonNullElse(JSON_MAPPER.readTree(response.body()), MissingNode.getInstance());
            if (!expected.body().equals(SAME_VALUE, actual)) {
                problems.add(exchange + " with a body other than the " + expected.status() + " example '" + expected.exampleName()
                        + "'\n  expected: " + expected.body() + "\n  actual:   " + actual);
            }
        } catch (JacksonException e) {
            problems.add(exchange + " with a body that is not JSON: " + response.body());
        }
    }

    private PlannedRequest plan(OperationSite site, JsonNode operation, List<String> problems) {
        Map<String, JsonNode> parameters = parameters(site, operation);
        String path = site.path();
        StringJoiner query = new StringJoiner("&");
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : parameters.entrySet()) {
            JsonNode parameter = entry.getValue();
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            boolean required = parameter.path("required").asBoolean(false) || "path".equals(in);
            Optional<JsonNode> example = exampleOf(parameter);
            if (example.isEmpty()) {
                if (required) {
                    problems.add("required " + in + " parameter '" + name + "' has no example to send");
                }
                continue;
            }
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", encodePathSegment(text(example.get())));
                case "query" -> appendQuery(query, parameter, example.get(), problems);
                case "header" -> headers.put(name, text(example.get()));
                default -> {
                    if (required) {
                        problems.add("required " + in + " parameter '" + name + "' cannot be sent by this test");
                    }
                }
            }
        }
        String queryString = query.length() == 0 ? "" : "?" + query;
        return new PlannedRequest(site.method().name(), path + queryString, headers, requestBody(operation, problems));
    }

    /** Path-level parameters, overridden by operation-level ones of the same name and location; refs resolved. */
    private Map<String, JsonNode> parameters(OperationSite site, JsonNode operation) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        JsonNode pathLevel = tree.at(JsonPointers.append("/paths", site.path())).path("parameters");
        for (JsonNode list : List.of(pathLevel, operation.path("parameters"))) {
            for (JsonNode parameter : list.values()) {
                JsonNode resolved = resolve(parameter);
                byKey.put(resolved.path("in").asString() + ":" + resolved.path("name").asString(), resolved);
            }
        }
        return byKey;
    }

    private Optional<JsonNode> exampleOf(JsonNode parameter) {
        if (parameter.has("example")) {
            return Optional.of(parameter.get("example"));
        }
        for (JsonNode example : parameter.path("examples").values()) {
            JsonNode value = resolve(example).get("value");
            if (value != null) {
                return Optional.of(value);
            }
        }
        JsonNode schema = resolve(parameter.path("schema"));
        return Optional.ofNullable(schema.get("example"));
    }

    private static void appendQuery(StringJoiner query, JsonNode parameter, JsonNode value, List<String> problems) {
        String name = parameter.path("name").asString();
        String style = parameter.path("style").asString("form");
        boolean explode = parameter.path("explode").asBoolean("form".equals(style));
        if (value.isArray() && "form".equals(style)) {
            if (explode) {
                value.values().forEach(item -> query.add(encodeName(name) + "=" + encode(text(item))));
            } else {
                query.add(encodeName(name) + "=" + value.values().stream().map(ExampleRoundTrip::text).map(ExampleRoundTrip::encode)
                        .collect(Collectors.joining(",")));
            }
        } else if (value.isObject() && "deepObject".equals(style)) {
            value.properties().forEach(field ->
                    query.add(encodeName(name + "[" + field.getKey() + "]") + "=" + encode(text(field.getValue()))));
        } else if (value.isValueNode()) {
            query.add(encodeName(name) + "=" + encode(text(value)));
        } else {
            problems.add("query parameter '" + name + "': style " + style + " with a " + value.getNodeType() + " example is not supported by this test");
        }
    }

    private Optional<String> requestBody(JsonNode operation, List<String> problems) {
        JsonNode body = resolve(operation.path("requestBody"));
        if (body.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode json = body.path("content").path(JSON);
        Optional<JsonNode> example = json.path("examples").values().stream().findFirst()
                .map(this::resolve)
                .map(resolved -> resolved.get("value"));
        if (example.isEmpty()) {
            if (body.path("required").asBoolean(false)) {
                problems.add("the required request body has no named " + JSON + " example to send");
            }
            return Optional.empty();
        }
        return Optional.of(example.get().toString());
    }

    /**
     * Prism 5 cannot match a query parameter whose name has brackets ({@code app[id]}): it looks for the
     * percent-encoded name among the decoded ones (stoplightio/prism#2017, #2443), so a required one is always
     * "missing", however the request spells it.
     */
    private static String bracketedNameHint(List<PrismViolation> violations) {
        boolean bracketedName = violations.stream().anyMatch(violation ->
                violation.location().contains("query") && violation.message().matches("(?s).*%5[bBdD].*"));
        return bracketedName
                ? " (Prism cannot match query parameter names with brackets, stoplightio/prism#2443; "
                        + "describe such a parameter as style: deepObject instead)"
                : "";
    }

    /** The first named example of the lowest 2xx response with JSON examples. */
    private Optional<ExpectedResponse> expectedResponse(JsonNode operation, List<String> problems) {
        List<String> statuses = operation.path("responses").propertyNames().stream()
                .filter(status -> status.matches("2\\d\\d"))
                .sorted()
                .toList();
        for (String status : statuses) {
            JsonNode examples = resolve(operation.path("responses").path(status)).path("content").path(JSON).path("examples");
            if (!examples.isEmpty()) {
                Map.Entry<String, JsonNode> first = examples.properties().iterator().next();
                JsonNode value = resolve(first.getValue()).get("value");
                if (value == null) {
                    problems.add("the " + status + " example '" + first.getKey() + "' has no value");
                    return Optional.empty();
                }
                return Optional.of(new ExpectedResponse(Integer.parseInt(status), first.getKey(), value));
            }
        }
        problems.add("no 2xx " + JSON + " response has a named example to compare the answer with");
        return Optional.empty();
    }

    private HttpRequest toHttpRequest(PlannedRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(request.pathAndQuery()))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", AUTHORIZATION)
                .header("Accept", JSON);
        request.headers().forEach(builder::header);
        if (request.jsonBody().isPresent()) {
            builder.header("Content-Type", JSON)
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.jsonBody().get(), StandardCharsets.UTF_8));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    /** Follows a local {@code $ref} (and a chain of them); the node itself when it is none. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.path("$ref").isString(); hops++) {
            String ref = current.path("$ref").stringValue();
            if (!ref.startsWith("#/")) {
                break;
            }
            current = tree.at(ref.substring(1));
        }
        return current;
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.stringValue() : value.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Ping++ names query parameters with brackets ({@code app[id]}, {@code created[gte]}, {@code expand[]}) and its
     * documentation and SDKs send them unescaped. Prism matches names literally: {@code app%5Bid%5D} is not
     * {@code app[id]} to it. So brackets stay as they are; everything else is escaped.
     */
    private static String encodeName(String name) {
        return encode(name).replace("%5B", "[").replace("%5D", "]");
    }

    private static String encodePathSegment(String text) {
        return encode(text).replace("+", "%20");
    }
}
