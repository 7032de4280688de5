package org.pingppopenapi.apitooling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.apitooling.SpecOperations.Operation;

/** The Postman collection the build generates (openapi-to-postmanv2), checked against the spec. */
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
    private static List<Request> requests;

    @BeforeAll
    static void load() throws IOException {
        spec = SpecOperations.shipped();
        operations = SpecOperations.api(spec);
        collection = SpecOperations.JSON.readTree(BuildPaths.postmanCollection().toFile());
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
    @DisplayName("holds every API operation once, named by its summary, in the folder of its tag")
    void everyOperationIsARequestNamedBySummaryInItsTagFolder() {
        List<Request> expected = operations.stream()
                .map(operation -> new Request(operation.tag(), operation.summary(), operation.method().toUpperCase(),
                        operation.path().replaceAll("\\{([^}]+)}", ":$1"), null))
                .toList();

        assertThat(requests).usingRecursiveFieldByFieldElementComparatorIgnoringFields("item")
                .containsExactlyInAnyOrderElementsOf(expected);
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
    @DisplayName("fills every request body with one of the spec's named examples")
    void requestBodiesAreSpecExamples() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        int withBody = 0;
        for (Operation operation : operations) {
            Request request = requests.stream().filter(candidate -> candidate.name().equals(operation.summary())).findFirst().orElseThrow();
            JsonNode body = request.item().path("request").path("body");
            if (!operation.node().has("requestBody")) {
                softly.assertThat(body.path("raw").asText("")).as("body of %s, which takes none", request).isEmpty();
                continue;
            }
            withBody++;
            JsonNode media = SpecOperations.resolve(spec, operation.node().get("requestBody")).path("content").path("application/json");
            List<JsonNode> examples = new ArrayList<>();
            media.path("examples").forEach(example -> examples.add(SpecOperations.resolve(spec, example).path("value")));
            softly.assertThat(examples).as("named examples of %s", operation).isNotEmpty();

            softly.assertThat(body.path("mode").asText()).as("body mode of %s", request).isEqualTo("raw");
            softly.assertThat(body.path("options").path("raw").path("language").asText()).as("body language of %s", request).isEqualTo("json");
            JsonNode sent = SpecOperations.JSON.readTree(body.path("raw").asText("null"));
            softly.assertThat(examples).as("the body of %s is one of the spec's examples", request).contains(sent);
        }
        softly.assertAll();
        assertThat(withBody).as("operations with a request body").isPositive();
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
}
