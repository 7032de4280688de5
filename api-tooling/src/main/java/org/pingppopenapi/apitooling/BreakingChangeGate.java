package org.pingppopenapi.apitooling;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * The breaking-change gate: compares the spec with the committed baseline (the last released contract)
 * using openapi-diff, and refuses an incompatible change unless the baseline is updated in the same change.
 *
 * <p>The build runs {@link #main} (exec:java in api-tooling); {@link #compare} is the same decision, for tests.
 */
public final class BreakingChangeGate {

    /** Name of the markdown report written next to the console report. */
    public static final String MARKDOWN_REPORT = "api-changes.md";
    /** Name of the plain-text (openapi-diff console) report. */
    public static final String TEXT_REPORT = "api-changes.txt";

    private BreakingChangeGate() {
    }

    /** What openapi-diff found between the baseline and the candidate spec. */
    public record Verdict(ChangedOpenApi diff, String markdown, String text) {

        public Verdict {
            Objects.requireNonNull(diff, "diff");
            Objects.requireNonNull(markdown, "markdown");
            Objects.requireNonNull(text, "text");
        }

        /** NO_CHANGES, METADATA, COMPATIBLE or INCOMPATIBLE (UNKNOWN is never produced for two parsed specs). */
        public DiffResult result() {
            return diff.isChanged();
        }

        /** True when a client or server built from the baseline would break against the candidate. */
        public boolean breaking() {
            return diff.isIncompatible();
        }
    }

    /** Raised by {@link #main} when the spec breaks the baseline; the message says how to proceed. */
    public static final class BreakingChangeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BreakingChangeException(String message) {
            super(message);
        }
    }

    /**
     * Compares {@code candidate} with {@code baseline} under the openapi-diff switches in {@code config}.
     *
     * @throws IllegalArgumentException if one of the files is missing
     */
    public static Verdict compare(Path baseline, Path candidate, Path config) {
        requireFile(baseline, "baseline spec");
        requireFile(candidate, "spec");
        requireFile(config, "openapi-diff configuration");
        OpenApiDiffOptions options = OpenApiDiffOptions.builder().configYaml(config.toFile()).build();
        ChangedOpenApi diff = OpenApiCompare.fromFiles(baseline.toFile(), candidate.toFile(), null, options);
        return new Verdict(diff, render(new MarkdownRender(), diff), render(new ConsoleRender(), diff));
    }

    /**
     * The build's entry point: {@code <baseline> <spec> <config> <report folder>}. Writes
     * {@value #MARKDOWN_REPORT} and {@value #TEXT_REPORT} into the report folder, prints the outcome, and
     * throws {@link BreakingChangeException} (failing the build) when the change is incompatible.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: BreakingChangeGate <baseline spec> <spec> <openapi-diff config> <report folder>");
        }
        Path baseline = Path.of(args[0]).toAbsolutePath().normalize();
        Path spec = Path.of(args[1]).toAbsolutePath().normalize();
        Path config = Path.of(args[2]).toAbsolutePath().normalize();
        Path reportFolder = Path.of(args[3]).toAbsolutePath().normalize();

        Verdict verdict = compare(baseline, spec, config);

        Files.createDirectories(reportFolder);
        Path markdown = reportFolder.resolve(MARKDOWN_REPORT);
        Files.writeString(markdown, verdict.markdown(), UTF_8);
        Files.writeString(reportFolder.resolve(TEXT_REPORT), verdict.text(), UTF_8);

        System.out.printf("[breaking-change-gate] %s against the baseline %s (report: %s)%n",
                describe(verdict.result()), baseline, markdown);
        if (verdict.result().isDifferent()) {
            // The markdown report names each change (new required properties, removed enum values, ...);
            // openapi-diff's console report only says "Broken compatibility".
            System.out.println(verdict.markdown());
        }
        if (verdict.breaking()) {
            throw new BreakingChangeException(String.format(
                    "%s makes INCOMPATIBLE changes against the baseline %s (details above and in %s).%n"
                            + "Clients and servers built from the baseline would break. If the break is intended (Ping++ changed "
                            + "its API), make it a reviewed decision: update the baseline in the same change,%n"
                            + "    cp %s %s%n"
                            + "and say in the commit message what breaks and why.",
                    spec, baseline, markdown, spec, baseline));
        }
    }

    private static String describe(DiffResult result) {
        return switch (result) {
            case NO_CHANGES -> "no changes";
            case METADATA -> "only descriptive changes (compatible)";
            case COMPATIBLE -> "compatible changes";
            case INCOMPATIBLE -> "INCOMPATIBLE changes";
            case UNKNOWN -> "changes of unknown compatibility";
        };
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The " + what + " " + file + " does not exist");
        }
    }

    // openapi-diff 2.1.7 renders to an OutputStreamWriter only (not any Writer).
    private static String render(Render renderer, ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, UTF_8)) {
            renderer.render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the openapi-diff report", e);
        }
        return bytes.toString(UTF_8);
    }
}
