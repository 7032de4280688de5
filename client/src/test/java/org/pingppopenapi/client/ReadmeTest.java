package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.internal.generated.OperationIndex;
import org.pingppopenapi.spec.PingppSpec;

/**
 * The README's section on the client says what the code does: its example is {@link ReadmeExample}'s, line for
 * line, and its table "pingpp-java call → this client" has one row per operation of the spec, in the order of the
 * spec's tags, with the method that calls it and the pingpp-java call filled in.
 */
class ReadmeTest {

    private static final Path ROOT = Path.of(System.getProperty("pingpp.root", ".."));
    private static final String TABLE = "### pingpp-java call → this client";
    private static final String UNFILLED = "?";

    @Test
    void theExampleIsTheCompiledOne() throws IOException {
        String readme = section();
        int start = readme.indexOf("```java\n") + "```java\n".length();
        List<String> documented = List.of(readme.substring(start, readme.indexOf("```", start)).split("\n"));

        String source = Files.readString(ROOT.resolve("client/src/test/java/org/pingppopenapi/client/ReadmeExample.java"),
                StandardCharsets.UTF_8);
        String body = source.substring(source.indexOf("// README begin\n") + "// README begin\n".length(),
                source.indexOf("// README end"));
        List<String> compiled = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                compiled.add(line.substring(8));
            }
        }
        assertThat(documented).isEqualTo(compiled);
    }

    /**
     * Fails with the rows to paste: each missing operation's row, client call filled in and pingpp-java as {@code ?},
     * under the row it goes after; a wrong row as it should read.
     */
    @Test
    void theTableHasEveryOperationAndItsMethodInTheOrderOfTheSpecsTags() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        String section = section();
        int table = section.indexOf(TABLE);
        assertThat(table).as("the README's section '%s'", TABLE).isNotNegative();
        for (String line : section.substring(table).lines().toList()) {
            if (line.startsWith("| `")) {
                String[] cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|");
                if (rows.put(unquote(cells[0]), cells) != null) {
                    fail("the README's table has two rows for " + cells[0].strip());
                }
            }
        }

        List<String> tableOrder = new ArrayList<>(rows.keySet());
        List<OperationIndex.Entry> expected = inTableOrder(OperationIndex.ALL);
        Map<String, List<String>> missing = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        List<String> unfilled = new ArrayList<>();
        List<String> documentedInOrder = new ArrayList<>();
        String previous = null;
        for (OperationIndex.Entry entry : expected) {
            String id = entry.operation().id();
            String http = entry.operation().method() + " " + entry.operation().path();
            String call = call(entry);
            String[] row = rows.remove(id);
            if (row == null) {
                missing.computeIfAbsent(previous == null ? "at the top of the table" : "after the row `" + previous + "`",
                        where -> new ArrayList<>()).add(row(id, http, UNFILLED, call));
                continue;
            }
            previous = id;
            documentedInOrder.add(id);
            String pingppJava = row.length > 2 ? row[2].strip() : "";
            if (row.length != 4 || !unquote(row[1]).equals(http) || !unquote(row[3]).equals(call)) {
                wrong.add(row(id, http, pingppJava.isEmpty() ? UNFILLED : pingppJava, call));
            }
            if (pingppJava.isEmpty() || pingppJava.equals(UNFILLED)) {
                unfilled.add("`" + id + "`");
            }
        }

        StringBuilder problems = new StringBuilder();
        if (!missing.isEmpty()) {
            problems.append("\nMissing rows: paste each block where it says, then replace each ").append(UNFILLED)
                    .append(" by the pingpp-java call, or (none) with a footnote naming an official SDK that has it:");
            missing.forEach((where, block) -> problems.append("\n").append(where).append(":\n")
                    .append(String.join("\n", block)));
        }
        if (!wrong.isEmpty()) {
            problems.append("\nRows to correct: they should read\n").append(String.join("\n", wrong));
        }
        if (!rows.isEmpty()) {
            problems.append("\nRows of no operation of the spec: ").append(String.join(", ", rows.keySet()));
        }
        if (!unfilled.isEmpty()) {
            problems.append("\nThe pingpp-java column is not filled in for ").append(String.join(", ", unfilled))
                    .append(": write the call (read the pingpp-java source), or (none)");
        }
        tableOrder.retainAll(documentedInOrder);
        for (int i = 0; i < documentedInOrder.size(); i++) {
            if (!tableOrder.get(i).equals(documentedInOrder.get(i))) {
                problems.append("\nRows out of order (by the spec's tags, then by path): `")
                        .append(documentedInOrder.get(i)).append("` goes ")
                        .append(i == 0 ? "first" : "after `" + documentedInOrder.get(i - 1) + "`")
                        .append(", where `").append(tableOrder.get(i)).append("` is");
                break;
            }
        }
        if (problems.length() > 0) {
            fail("The README's table (section '" + TABLE + "') does not match the spec:" + problems);
        }
    }

    private static String row(String id, String http, String pingppJava, String call) {
        return "| `" + id + "` | `" + http + "` | " + pingppJava + " | `" + call + "` |";
    }

    /**
     * The operations grouped by their first tag, in the order of the spec's {@code tags}, and within a tag in the
     * order of the spec's paths.
     */
    private static List<OperationIndex.Entry> inTableOrder(List<OperationIndex.Entry> entries) throws IOException {
        JsonNode spec;
        try (InputStream in = PingppSpec.open()) {
            spec = new YAMLMapper().readTree(in);
        }
        Map<String, Integer> tagPosition = new HashMap<>();
        spec.path("tags").forEach(tag -> tagPosition.putIfAbsent(tag.path("name").asText(), tagPosition.size()));
        Map<String, Integer> position = new HashMap<>();
        Map<String, Integer> tagOf = new HashMap<>();
        spec.path("paths").forEach(pathItem -> pathItem.forEach(operation -> {
            String id = operation.path("operationId").asText(null);
            if (id != null) {
                position.put(id, position.size());
                tagOf.put(id, tagPosition.getOrDefault(operation.path("tags").path(0).asText(), tagPosition.size()));
            }
        }));
        List<OperationIndex.Entry> sorted = new ArrayList<>(entries);
        sorted.forEach(entry -> assertThat(position).as("operations of the spec").containsKey(entry.operation().id()));
        sorted.sort(Comparator.<OperationIndex.Entry>comparingInt(entry -> tagOf.get(entry.operation().id()))
                .thenComparingInt(entry -> position.get(entry.operation().id())));
        return sorted;
    }

    /** How the README writes the call of an operation: every argument by name, optional ones included. */
    private static String call(OperationIndex.Entry entry) {
        StringBuilder call = new StringBuilder("client");
        entry.accessors().forEach(accessor -> call.append('.').append(accessor).append("()"));
        List<String> arguments = new ArrayList<>();
        entry.pathArguments().forEach(name -> arguments.add(camel(name)));
        if (entry.params() != null) {
            arguments.add("params");
        }
        if (entry.body() != null) {
            arguments.add("request");
        }
        return call.append('.').append(entry.method()).append('(').append(String.join(", ", arguments)).append(')')
                .toString();
    }

    private static String camel(String name) {
        StringBuilder camel = new StringBuilder();
        for (String word : name.split("_")) {
            camel.append(camel.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return camel.toString();
    }

    private static String unquote(String cell) {
        String trimmed = cell.strip();
        return trimmed.startsWith("`") && trimmed.endsWith("`") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private static String section() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## The Java client");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("the README's section on the client").isNotNegative();
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
