package org.pingppopenapi.apitooling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.apitooling.SpecOperations.Operation;

/**
 * The Postman collection the build generates (openapi-to-postmanv2, then tools/postman-collection.cjs), checked against
 * the spec. That it runs green from top to bottom against the sandbox is tooling-it's NewmanRunTest.
 */
@DisplayName("Postman collection")
class PostmanCollectionTest {

    /** A request of the collection, with the folder it sits in. */
    record Request(String folder, String name, String method, String path, JsonNode item) {

        @Override
        public String toString() {
            return folder + " / " + name + " (" + method + " " + path + ")";
        }
    }

    private static JsonNode spec;
    private static List<Operation> operations;
    private static JsonNode collection;
    private static JsonNode flow;
    private static List<Request> requests;

    @BeforeAll
    static void load() throws IOException {
        spec = SpecOperations.shipped();
        operations = SpecOperations.api(spec);
        collection = SpecOperations.JSON.readTree(BuildPaths.postmanCollection().toFile());
        flow = SpecOperations.JSON.readTree(BuildPaths.property("api.postman.flow").toFile());
        requests = new ArrayList<>();
        collectRequests(collection.path("item"), null, requests);
    }

    @Test
    @DisplayName("is a Postman v2.1 collection named after the API")
    void isACollectionOfTheApi() {
        assertThat(collection.path("info").path("schema").asText()).endsWith("/collection/v2.1.0/collection.json");
        assertThat(collection.path("info").path("name").asText()).isEqualTo(spec.path("info").path("title").asText());
    }

    @Test
    @DisplayName("holds every API operation, named by its summary, in the folder of its tag; the rest are flow steps")
    void everyOperationIsARequestNamedBySummaryInItsTagFolder() {
        List<Request> expected = operations.stream()
                .map(operation -> new Request(operation.tag(), operation.summary(), operation.method().toUpperCase(),
                        operation.path().replaceAll("\\{([^}]+)}", ":$1"), null))
                .toList();
        List<Request> byOperation = requests.stream()
                .filter(request -> operations.stream().anyMatch(operation -> operation.summary().equals(request.name())))
                .toList();
        assertThat(byOperation).usingRecursiveFieldByFieldElementComparatorIgnoringFields("item")
                .containsExactlyInAnyOrderElementsOf(expected);

        // The others repeat an operation under a name of their own (a sub-app created to be deleted), or are the
        // sandbox's own steps (the customer pays).
        SoftAssertions softly = new SoftAssertions();
        for (Request extra : requests) {
            if (byOperation.contains(extra)) {
                continue;
            }
            boolean repeatsAnOperation = operations.stream().anyMatch(operation -> operation.tag().equals(extra.folder())
                    && operation.method().equalsIgnoreCase(extra.method())
                    && operation.path().replaceAll("\\{([^}]+)}", ":$1").equals(extra.path()));
            boolean sandboxStep = extra.name().startsWith("Sandbox: ") && extra.path().startsWith("/sandbox/");
            softly.assertThat(repeatsAnOperation || sandboxStep).as("%s repeats an operation of its folder or is a sandbox step", extra)
                    .isTrue();
        }
        softly.assertAll();
    }

    @Test
    @DisplayName("declares every variable it uses, or sets it in its pre-request script")
    void everyVariableIsDeclared() throws IOException {
        Set<String> declared = new LinkedHashSet<>();
        collection.path("variable").forEach(variable -> declared.add(variable.path("key").asText()));
        String script = String.join("\n", SpecOperations.JSON.convertValue(
                collection.path("event").path(0).path("script").path("exec"), String[].class));
        Matcher set = Pattern.compile("pm\\.variables\\.set\\(\"(\\w+)\"").matcher(script);
        while (set.find()) {
            declared.add(set.group(1));
        }
        Set<String> used = new LinkedHashSet<>();
        Matcher use = Pattern.compile("\\{\\{([^}$]+)}}").matcher(SpecOperations.JSON.writeValueAsString(collection.path("item")));
        while (use.find()) {
            used.add(use.group(1));
        }
        assertThat(declared).as("declared or scripted variables").containsAll(used).contains("baseUrl", "apiKey", "app_id");
    }

    @Test
    @DisplayName("sends only the required query parameters; the optional ones are there, switched off")
    void optionalQueryParametersAreOff() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations) {
            Request request = requests.stream().filter(candidate -> candidate.name().equals(operation.summary())).findFirst().orElseThrow();
            JsonNode query = request.item().path("request").path("url").path("query");
            for (JsonNode parameter : query) {
                String name = parameter.path("key").asText();
                boolean required = isRequiredQueryParameter(operation, name);
                softly.assertThat(parameter.path("disabled").asBoolean(false)).as("%s: %s is switched %s", request, name, required ? "on" : "off")
                        .isEqualTo(!required);
            }
        }
        softly.assertAll();
    }

    @Test
    @DisplayName("has one folder per tag, none other")
    void foldersAreTheSpecTags() {
        Set<String> declaredTags = new LinkedHashSet<>();
        spec.path("tags").forEach(tag -> declaredTags.add(tag.path("name").asText()));
        List<String> folders = new ArrayList<>();
        collection.path("item").forEach(item -> {
            assertThat(item.has("item")).as("top-level item %s is a folder", item.path("name").asText()).isTrue();
            folders.add(item.path("name").asText());
        });

        assertThat(folders).doesNotHaveDuplicates().isSubsetOf(declaredTags)
                .containsAll(operations.stream().map(Operation::tag).distinct().toList());
    }

    @Test
    @DisplayName("authenticates once, at collection level, with the scheme of the spec's first security requirement")
    void authIsAtCollectionLevel() {
        String firstRequirement = spec.path("security").path(0).fieldNames().next();
        JsonNode scheme = spec.path("components").path("securitySchemes").path(firstRequirement);
        assertThat(scheme.path("type").asText()).as("type of %s", firstRequirement).isEqualTo("http");
        String expectedType = scheme.path("scheme").asText().toLowerCase();
        assertThat(expectedType).isIn("basic", "bearer");

        JsonNode auth = collection.path("auth");
        assertThat(auth.path("type").asText()).as("collection auth").isEqualTo(expectedType);
        List<String> values = new ArrayList<>();
        auth.path(expectedType).forEach(entry -> values.add(entry.path("value").asText()));
        assertThat(values).as("credentials are collection variables, never literals").isNotEmpty()
                .allMatch(value -> value.matches("\\{\\{\\w+}}"));

        SoftAssertions softly = new SoftAssertions();
        collection.path("item").forEach(folder -> softly.assertThat(folder.path("auth").isMissingNode() || folder.path("auth").isNull())
                .as("folder %s inherits the collection auth", folder.path("name").asText()).isTrue());
        for (Request request : requests) {
            JsonNode requestAuth = request.item().path("request").path("auth");
            softly.assertThat(requestAuth.isMissingNode() || requestAuth.isNull())
                    .as("%s inherits the collection auth, has %s", request, requestAuth).isTrue();
        }
        softly.assertAll();
    }

    @Test
    @DisplayName("addresses the spec's server through the {{baseUrl}} variable")
    void baseUrlIsTheSpecServer() {
        List<String> baseUrls = new ArrayList<>();
        collection.path("variable").forEach(variable -> {
            if (variable.path("key").asText().equals("baseUrl")) {
                baseUrls.add(variable.path("value").asText());
            }
        });
        assertThat(baseUrls).containsExactly(spec.path("servers").path(0).path("url").asText());

        SoftAssertions softly = new SoftAssertions();
        for (Request request : requests) {
            softly.assertThat(request.item().path("request").path("url").path("host").path(0).asText())
                    .as("host of %s", request).isEqualTo("{{baseUrl}}");
        }
        softly.assertAll();
    }

    @Test
    @DisplayName("fills every request body with the spec's first example; future times and the app id are variables")
    void requestBodiesAreSpecExamples() throws IOException {
        String appId = spec.path("components").path("parameters").path("AppId").path("schema").path("example").asText();
        SoftAssertions softly = new SoftAssertions();
        int withBody = 0;
        int futureTimes = 0;
        for (Operation operation : operations) {
            Request request = requests.stream().filter(candidate -> candidate.name().equals(operation.summary())).findFirst().orElseThrow();
            JsonNode body = request.item().path("request").path("body");
            if (!operation.node().has("requestBody")) {
                softly.assertThat(body.path("raw").asText("")).as("body of %s, which takes none", request).isEmpty();
                continue;
            }
            withBody++;
            JsonNode media = SpecOperations.resolve(spec, operation.node().get("requestBody")).path("content").path("application/json");
            JsonNode firstExample = SpecOperations.resolve(spec, media.path("examples").elements().next()).path("value").deepCopy();
            flowBodyOverrides(operation.operationId()).forEach((field, value) -> {
                softly.assertThat(firstExample.at("/" + field.replace('.', '/')).isMissingNode()).as("%s overrides %s of its example", operation, field).isFalse();
                ((ObjectNode) firstExample.at(parentPointer(field))).set(lastKey(field), value);
            });

            softly.assertThat(body.path("mode").asText()).as("body mode of %s", request).isEqualTo("raw");
            softly.assertThat(body.path("options").path("raw").path("language").asText()).as("body language of %s", request).isEqualTo("json");
            String raw = body.path("raw").asText("null");
            futureTimes += countMatches(FUTURE_TIME, raw);
            JsonNode sent = SpecOperations.JSON.readTree(FUTURE_TIME.matcher(raw.replace("{{app_id}}", appId)).replaceAll("\"" + FUTURE + "\""));
            softly.assertThat(sameExceptFutureTimes(firstExample, sent)).as("the body of %s is its first example: %s", request, sent).isTrue();
        }
        softly.assertAll();
        assertThat(withBody).as("operations with a request body").isPositive();
        assertThat(futureTimes).as("future times computed when sent (the examples' time_expire)").isPositive();
    }

    /** The body fields flow.json sets on the (first, unnamed) step of an operation: unique values per run. */
    private static Map<String, JsonNode> flowBodyOverrides(String operationId) {
        Map<String, JsonNode> overrides = new LinkedHashMap<>();
        for (JsonNode folder : flow.path("folders")) {
            for (JsonNode step : folder.path("steps")) {
                if (step.path("operation").asText().equals(operationId) && !step.has("name")) {
                    step.path("body").fields().forEachRemaining(field -> overrides.put(field.getKey(), field.getValue()));
                }
            }
        }
        return overrides;
    }

    private static String parentPointer(String dottedField) {
        int dot = dottedField.lastIndexOf('.');
        return dot < 0 ? "" : "/" + dottedField.substring(0, dot).replace('.', '/');
    }

    private static String lastKey(String dottedField) {
        return dottedField.substring(dottedField.lastIndexOf('.') + 1);
    }

    private static final Pattern FUTURE_TIME = Pattern.compile("\\{\\{now_plus_\\d+s}}");
    private static final String FUTURE = "<future time>";

    /** Equal, but where the example has an integer the body may have a future time computed when sent. */
    private static boolean sameExceptFutureTimes(JsonNode example, JsonNode sent) {
        if (sent.isTextual() && sent.asText().equals(FUTURE)) {
            return example.isIntegralNumber();
        }
        if (example.isObject() && sent.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            example.fieldNames().forEachRemaining(names::add);
            Set<String> sentNames = new LinkedHashSet<>();
            sent.fieldNames().forEachRemaining(sentNames::add);
            return names.equals(sentNames) && names.stream().allMatch(name -> sameExceptFutureTimes(example.get(name), sent.get(name)));
        }
        if (example.isArray() && sent.isArray()) {
            if (example.size() != sent.size()) {
                return false;
            }
            for (int i = 0; i < example.size(); i++) {
                if (!sameExceptFutureTimes(example.get(i), sent.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return example.equals(sent);
    }

    private static int countMatches(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }

    private static boolean isRequiredQueryParameter(Operation operation, String name) {
        for (JsonNode parameter : operation.node().path("parameters")) {
            JsonNode resolved = SpecOperations.resolve(spec, parameter);
            if (!resolved.path("in").asText().equals("query")) {
                continue;
            }
            String base = resolved.path("name").asText();
            boolean deepObject = resolved.path("style").asText().equals("deepObject");
            if (name.equals(base) || deepObject && name.startsWith(base + "[")) {
                return resolved.path("required").asBoolean(false);
            }
        }
        throw new AssertionError(operation + " has no query parameter " + name);
    }

    private static void collectRequests(JsonNode items, String folder, List<Request> into) {
        for (JsonNode item : items) {
            if (item.has("item")) {
                collectRequests(item.get("item"), item.path("name").asText(), into);
                continue;
            }
            JsonNode request = item.path("request");
            List<String> segments = new ArrayList<>();
            request.path("url").path("path").forEach(segment -> segments.add(segment.asText()));
            into.add(new Request(folder, item.path("name").asText(), request.path("method").asText(), "/" + String.join("/", segments), item));
        }
    }

    /**
     * A resource flow.json does not name still gets runnable requests, from the spec alone: here flow.json without
     * the sub-app folders, as if they had just been added to the spec.
     */
    @Test
    @DisplayName("places an operation flow.json leaves out by the spec alone: creates first, deletes last, ids captured")
    void operationsOutsideTheFlowAreDerivedFromTheSpec() throws IOException {
        Path work = BuildPaths.root().resolve("api-tooling/target/postman-derived");
        Files.createDirectories(work);
        ObjectNode shortFlow = flow.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode folders = shortFlow.putArray("folders");
        flow.path("folders").forEach(folder -> {
            if (!folder.path("tag").asText().startsWith("Sub App")) {
                folders.add(folder);
            }
        });
        Path flowFile = work.resolve("flow-without-sub-apps.json");
        SpecOperations.JSON.writeValue(flowFile.toFile(), shortFlow);
        Path output = work.resolve("collection.json");

        NodeTool.Result result = NodeTool.runScript(work, BuildPaths.root().resolve("api-tooling/tools/postman-collection.cjs"),
                BuildPaths.spec().toString(), flowFile.toString(), output.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<Request> derived = new ArrayList<>();
        collectRequests(SpecOperations.JSON.readTree(output.toFile()).path("item"), null, derived);
        List<Request> subApps = derived.stream().filter(request -> request.folder().equals("Sub Apps")).toList();
        assertThat(subApps).extracting(Request::method).containsExactly("POST", "GET", "GET", "PUT", "DELETE");
        assertThat(subApps.get(0).item().toString()).contains("pm.collectionVariables.set(\\\"sub_app_id\\\"");
        List<Request> channels = derived.stream().filter(request -> request.folder().equals("Sub App Channels")).toList();
        assertThat(channels).extracting(Request::method).containsExactly("POST", "GET", "PUT", "DELETE");
        assertThat(channels.get(0).item().toString()).as("the channel object's key is its channel, not an id")
                .contains("\\\"channel\\\".split");
        assertThat(derived.stream().map(Request::folder).distinct().toList())
                .as("a parent's folder before its children's").containsSubsequence("Sub Apps", "Sub App Channels");
        assertThat(derived).extracting(request -> request.method() + " " + request.path())
                .containsAll(requests.stream().map(request -> request.method() + " " + request.path()).distinct().toList());
    }

}
