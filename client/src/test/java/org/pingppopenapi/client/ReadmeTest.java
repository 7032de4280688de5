package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.internal.generated.OperationIndex;

/**
 * The README's section on the client says what the code does: its example is {@link ReadmeExample}'s, line for
 * line, and its table "pingpp-java call → this client" has one row per operation of the spec, with the method that
 * calls it.
 */
class ReadmeTest {

    private static final Path ROOT = Path.of(System.getProperty("pingpp.root", ".."));

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

    @Test
    void theTableHasEveryOperationAndItsMethod() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : section().lines().toList()) {
            if (line.startsWith("| `")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                rows.put(unquote(cells[0]), cells);
            }
        }
        List<String> problems = new ArrayList<>();
        for (OperationIndex.Entry entry : OperationIndex.ALL) {
            String id = entry.operation().id();
            String http = entry.operation().method() + " " + entry.operation().path();
            String call = call(entry);
            String[] row = rows.remove(id);
            if (row == null) {
                problems.add("missing: | `" + id + "` | `" + http + "` | <pingpp-java call, or (none)> | `" + call + "` |");
            } else if (!unquote(row[1]).equals(http) || !unquote(row[3]).equals(call)) {
                problems.add(id + " should read | `" + http + "` | ... | `" + call + "` |");
            }
        }
        rows.keySet().forEach(id -> problems.add(id + " is no operation of the spec"));
        assertThat(problems).as("the README's table (section 'pingpp-java call -> this client')").isEmpty();
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
