package org.pingppopenapi.apitooling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Code generators and Redocly's no-unused-components follow {@code $ref}s from {@code paths} and skip {@code x-}
 * extensions, so they report the components only {@code x-pingpp-rules} or {@code x-webhooks} use as unused. Each of
 * those says so in its description, naming the extension; and each is really used there.
 */
@DisplayName("Components outside paths")
class ComponentsOutsidePathsTest {

    private static final JsonNode SPEC = SpecOperations.shipped();

    @Test
    @DisplayName("are each used by an extension, and say in their description why tools report them as unused")
    void everyComponentOutsidePathsSaysWhy() {
        Set<String> fromPaths = reachable(SPEC.path("paths"), false);
        Set<String> fromExtensions = reachable(SPEC, true);
        Set<String> outside = new LinkedHashSet<>();
        for (String section : new String[] {"schemas", "parameters", "responses", "examples", "requestBodies", "headers"}) {
            SPEC.path("components").path(section).fieldNames()
                    .forEachRemaining(name -> outside.add("#/components/" + section + "/" + name));
        }
        outside.removeAll(fromPaths);

        assertThat(outside).as("components that generators and linters report as unused").isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (String ref : outside) {
            String description = SPEC.at(ref.substring(1)).path("description").asText("").replaceAll("\\s+", " ");
            softly.assertThat(fromExtensions).as("%s is used by an extension", ref).contains(ref);
            softly.assertThat(description).as("description of %s", ref).contains("report it as unused")
                    .containsAnyOf("`x-pingpp-rules`", "`x-webhooks`");
        }
        softly.assertAll();
    }

    /** The $refs reachable from {@code start}; through x- keys only when {@code throughExtensions}. */
    private static Set<String> reachable(JsonNode start, boolean throughExtensions) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<JsonNode> work = new ArrayDeque<>();
        work.push(throughExtensions ? extensionsOf(start) : start);
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node.isArray()) {
                node.forEach(work::push);
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    if (seen.add(field.getValue().asText())) {
                        work.push(SPEC.at(field.getValue().asText().substring(1)));
                    }
                } else if (throughExtensions || !field.getKey().startsWith("x-")) {
                    work.push(field.getValue());
                }
            }
        }
        return seen;
    }

    /** Every x- extension anywhere in the document, as one array. */
    private static JsonNode extensionsOf(JsonNode root) {
        var all = SpecOperations.JSON.createArrayNode();
        Deque<JsonNode> work = new ArrayDeque<>(Set.of(root));
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node.isArray()) {
                node.forEach(work::push);
                continue;
            }
            node.fields().forEachRemaining(field -> {
                if (field.getKey().startsWith("x-")) {
                    all.add(field.getValue());
                } else {
                    work.push(field.getValue());
                }
            });
        }
        return all;
    }
}
