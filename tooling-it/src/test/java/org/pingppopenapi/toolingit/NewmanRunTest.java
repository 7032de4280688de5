package org.pingppopenapi.toolingit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingppopenapi.sandbox.Sandbox;

/** The Postman collection the build makes, run by newman from top to bottom against a fresh sandbox account. */
@DisplayName("Postman collection, run by newman against the sandbox")
@ExtendWith(SharedSandbox.class)
class NewmanRunTest {

    @Test
    @DisplayName("every request answers 2xx in one run, in the collection's order, and every test of it passes")
    void everyRequestAnswers2xx(Sandbox sandbox) throws IOException {
        Path collectionFile = Tooling.existing("tooling.postman.collection");
        Path work = Tooling.path("tooling.work").resolve("newman");
        Path report = work.resolve("newman-report.json");
        Tooling.Result result = Tooling.run(work, Map.of(), List.of("node", Tooling.nodeModule("newman/bin/newman.js").toString(),
                "run", collectionFile.toString(),
                "--env-var", "baseUrl=" + sandbox.baseUri().toString().replaceAll("/$", ""),
                "--env-var", "apiKey=" + Tooling.apiKey("newman"),
                "--reporters", "cli,json", "--reporter-json-export", report.toString(), "--disable-unicode", "--color", "off"));
        assertThat(report).as("newman's report; newman printed:\n%s%s", result.stdout(), result.stderr()).exists();

        JsonNode collection = Tooling.JSON.readTree(collectionFile.toFile());
        List<String> requests = new ArrayList<>();
        collectRequestNames(collection.path("item"), "", requests);
        JsonNode run = Tooling.JSON.readTree(report.toFile()).path("run");
        List<String> executed = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode execution : run.path("executions")) {
            String name = execution.path("item").path("name").asText();
            executed.add(name);
            int status = execution.path("response").path("code").asInt();
            softly.assertThat(status).as("%s answered %s", name, execution.path("response").path("stream")).isBetween(200, 299);
        }
        softly.assertAll();
        assertThat(executed).as("requests run, in order").containsExactlyElementsOf(requests);
        assertThat(run.path("failures")).as("failed tests and errors").isEmpty();
        assertThat(run.path("stats").path("assertions").path("total").asInt()).as("tests run").isGreaterThanOrEqualTo(requests.size());
        assertThat(result.exitCode()).as("newman's exit code\n%s", result.stdout()).isZero();
    }

    private static void collectRequestNames(JsonNode items, String folder, List<String> into) {
        for (JsonNode item : items) {
            if (item.has("item")) {
                collectRequestNames(item.get("item"), item.path("name").asText(), into);
            } else {
                into.add(item.path("name").asText());
            }
        }
    }
}
