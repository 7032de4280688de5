package org.pingppopenapi.apitooling;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the pinned Spectral CLI, as the build's spectral-lint execution does, and reads its JSON results. */
final class Spectral {

    /** Spectral's severities in its JSON output. */
    enum Severity { ERROR, WARN, INFO, HINT }

    /** One result: rule id, severity and where (a JSON pointer into the linted document). */
    record Result(String code, Severity severity, String pointer, String message) {

        @Override
        public String toString() {
            return code + " " + severity + " at " + pointer + ": " + message;
        }
    }

    private Spectral() {
    }

    /** Lints {@code document} with {@code ruleset}; fails on a Spectral crash (exit code 2), not on lint errors. */
    static List<Result> lint(Path document, Path ruleset) {
        NodeTool.Result run = NodeTool.run(BuildPaths.property("api.work"), "@stoplight/spectral-cli/dist/index.js",
                "lint", document.toString(), "--ruleset", ruleset.toString(), "--format", "json", "--quiet");
        if (run.exitCode() != 0 && run.exitCode() != 1) {
            throw new IllegalStateException("Spectral failed (exit " + run.exitCode() + ") on " + document + ":\n"
                    + run.stdout() + run.stderr());
        }
        try {
            List<Result> results = new ArrayList<>();
            for (JsonNode result : SpecOperations.JSON.readTree(run.stdout())) {
                results.add(new Result(result.get("code").asText(), Severity.values()[result.get("severity").asInt()],
                        pointer(result.get("path")), result.get("message").asText()));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("Spectral did not print JSON:\n" + run.stdout() + run.stderr(), e);
        }
    }

    /** ["paths", "/v1/charges", "post"] as /paths/~1v1~1charges/post. */
    static String pointer(JsonNode path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonNode segment : path) {
            pointer.append('/').append(segment.asText().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
