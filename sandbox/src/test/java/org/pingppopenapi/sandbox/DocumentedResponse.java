package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.pingppopenapi.client.SeedJson;

/**
 * A response example of the documents and the comparison of an answer with it: every field the document shows is
 * in the answer, with the document's value, except the values the sandbox makes up itself (ids, times, numbers of
 * the channel; named by field) and the differences the test names with a reason (a quirk of the document or a
 * decision of the spec).
 */
final class DocumentedResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A difference meaning "the sandbox makes this value up": it is there, null where the document has null. */
    static final Object MADE_UP = new Object();

    private DocumentedResponse() {
    }

    /**
     * The response example next to a seed request ({@code <name>.response.json}), after the only edits that make
     * it JSON ({@link SeedJson}: placeholders dropped, brackets closed where the document cuts it off).
     */
    static JsonNode of(String requestName) {
        String text = CurlCommand.resource(requestName.replace(".curl", "") + ".response.json");
        try {
            return JSON.readTree(SeedJson.clean(text).json());
        } catch (IOException e) {
            throw new IllegalStateException("The documented response of " + requestName + " is not JSON", e);
        }
    }

    /**
     * Asserts that {@code actual} shows every field of {@code documented}.
     *
     * @param generated   names of fields whose values the sandbox makes up: present, of the same kind (null or not)
     * @param differences dotted paths ({@code refunds.url}, {@code data[0].amount}) whose value differs from the
     *                    document's, with the value the answer has
     */
    static void assertLike(JsonNode documented, JsonNode actual, Set<String> generated, Map<String, Object> differences) {
        compare("", documented, actual, generated, differences);
    }

    private static void compare(String path, JsonNode documented, JsonNode actual, Set<String> generated,
            Map<String, Object> differences) {
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        field = field.replaceAll("\\[\\d+]$", "");
        if (differences.containsKey(path) && differences.get(path) != MADE_UP) {
            assertThat(actual).as(path).isEqualTo(JSON.valueToTree(differences.get(path)));
            return;
        }
        if (generated.contains(field) || differences.get(path) == MADE_UP) {
            assertThat(actual).as(path + " (made up by the sandbox)").isNotNull();
            assertThat(actual.isNull()).as(path + " is null as documented").isEqualTo(documented.isNull());
            return;
        }
        if (documented.isObject()) {
            assertThat(actual).as(path).isNotNull();
            assertThat(actual.isObject()).as(path + " is an object: " + actual).isTrue();
            Iterator<Map.Entry<String, JsonNode>> fields = documented.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                String childPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                JsonNode child = actual.get(entry.getKey());
                assertThat(child).as(childPath + " is in the answer").isNotNull();
                compare(childPath, entry.getValue(), child, generated, differences);
            }
        } else if (documented.isArray()) {
            assertThat(actual.isArray()).as(path + " is an array: " + actual).isTrue();
            assertThat(actual.size()).as(path + " has the documented items").isGreaterThanOrEqualTo(documented.size());
            for (int i = 0; i < documented.size(); i++) {
                compare(path + "[" + i + "]", documented.get(i), actual.get(i), generated, differences);
            }
        } else {
            assertThat(actual).as(path).isEqualTo(documented);
        }
    }
}
