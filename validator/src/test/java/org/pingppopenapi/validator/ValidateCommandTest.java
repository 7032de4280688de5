package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingppopenapi.validator.internal.cli.ValidateCommand;

/** The command line's contract, run in-process with captured streams. */
class ValidateCommandTest {

    private static final String VALID_CHARGE = Fixtures.charge("upacp").toString();

    record Run(int exitCode, String stdout, String stderr) {
        List<JsonNode> lines() {
            return stdout.lines().map(line -> (JsonNode) Json.object(line)).toList();
        }
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ValidateCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.ofEpochSecond(Fixtures.NOW), ZoneOffset.UTC));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aValidBodyExitsZeroAndPrintsNothing() {
        Run run = run(VALID_CHARGE, "charge");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void anInvalidBodyExitsOneWithOneJsonObjectPerViolationPerLine() {
        String body = Json.with(Json.with(Fixtures.charge("isv_scan"), "extra.terminal_id", "123456789"), "order_no", "1234567").toString();
        Run run = run(body, "charge", "-");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).isEmpty();
        assertThat(run.lines()).hasSize(2).allSatisfy(line -> assertThat(line.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("field", "rule", "message"));
        assertThat(run.lines()).extracting(line -> line.get("field").asText() + " " + line.get("rule").asText())
                .containsExactly("order_no charge.order_no.offline_scan", "extra.terminal_id charge.extra.isv_scan");
    }

    @Test
    void nowDefaultsToTheClockAndCanBeGiven() {
        String order = Json.with(Fixtures.valid(Kinds.ORDER), "time_expire", Fixtures.NOW + 60).toString();
        assertThat(run(order, "order").exitCode()).isZero();
        assertThat(run(order, "order", "--now", String.valueOf(Fixtures.NOW + 1)).lines())
                .extracting(line -> line.get("rule").asText()).containsExactly("order.time_expire.range");
        assertThat(run(order, "--now", String.valueOf(Fixtures.NOW), "order").exitCode()).isZero();
    }

    @Test
    void aFileIsReadAsUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("recharge.json");
        Files.writeString(file, Json.with(Fixtures.recharge("upacp"), "charge.subject", "测".repeat(11)).toString(), StandardCharsets.UTF_8);
        Run run = run("", "recharge", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEqualTo("{\"field\":\"charge.subject\",\"rule\":\"recharge.charge.subject.unionpay_bytes\","
                + "\"message\":\"charge.subject must be at most 32 bytes in UTF-8, is 33 (recharge.charge.subject.unionpay_bytes)\"}"
                + System.lineSeparator());
    }

    @Test
    void nonAsciiIsEscapedSoTheOutputIsAscii() {
        Run run = run(Json.with(Fixtures.charge("alipay"), "metadata", java.util.Map.of("颜色", 1)).toString(), "charge");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("metadata[\\\"\\u989C\\u8272\\\"]").matches("\\p{ASCII}*");
    }

    @Test
    void usageErrorsExitTwoWithAMessageOnStderr(@TempDir Path dir) {
        assertUsage(run(VALID_CHARGE), "the kind of request is missing");
        assertUsage(run(VALID_CHARGE, "charges"), "unknown kind 'charges'");
        assertUsage(run(VALID_CHARGE, "charge", "--now"), "--now needs a value");
        assertUsage(run(VALID_CHARGE, "charge", "--now", "soon"), "--now takes whole Unix seconds");
        assertUsage(run(VALID_CHARGE, "charge", "--now", "1", "--now", "2"), "--now is given twice");
        assertUsage(run(VALID_CHARGE, "charge", "--verbose"), "unknown option --verbose");
        assertUsage(run(VALID_CHARGE, "charge", "a.json", "b.json"), "more than one input file");
        assertUsage(run("", "charge", dir.resolve("missing.json").toString()), "no such file");
        assertUsage(run("", "charge", dir.toString()), "cannot read");
    }

    @Test
    void inputThatIsNotExactlyOneJsonValueExitsTwo() {
        assertUsage(run("{\"order_no\":", "charge"), "stdin is not valid JSON");
        assertUsage(run("", "charge"), "holds no JSON value");
        assertUsage(run("{} {}", "charge"), "is not valid JSON");
        assertUsage(run("{\"amount\":1,\"amount\":2}", "charge"), "Duplicate field 'amount'");
        assertUsage(run("[".repeat(5000), "charge"), "is not valid JSON");
    }

    @Test
    void jsonThatIsNotAnObjectIsAnInvalidBodyNotAUsageError() {
        Run run = run("[]", "order-cancel");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).extracting(line -> line.get("field").asText()).containsExactly("$");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        Run run = run("", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("Usage: java -jar pingpp-validator-cli.jar [--spec SPEC] <kind>").contains("--list-kinds");
        assertThat(run.stdout()).as("the usage lists every kind of the spec")
                .contains(PingppValidator.fromSpec().kinds().stream().map(RequestKind::name).collect(Collectors.joining(", ")));
    }

    @Test
    void listKindsPrintsEveryKindOfTheSpecWithItsSchema() {
        Run run = run("", "--list-kinds");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        PingppValidator validator = PingppValidator.fromSpec();
        assertThat(run.stdout().lines().toList()).containsExactlyElementsOf(
                validator.kinds().stream().map(kind -> kind.name() + "\t" + validator.requestSchema(kind)).toList());
        assertThat(run.stdout().lines()).contains("order-pay\tOrderPayRequest", "charge\tChargeCreateRequest");
        assertUsage(run("", "--list-kinds", "charge"), "--list-kinds takes no kind");
    }

    @Test
    void anotherRevisionOfTheSpecIsUsedWithSpec(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("revision.yaml");
        Files.writeString(spec, SpecDocument.text().replace("maxLength: 40", "maxLength: 41"), StandardCharsets.UTF_8);
        String longOrderNumber = Json.with(Fixtures.charge("upacp"), "order_no", "1".repeat(41)).toString();
        assertThat(run(longOrderNumber, "charge").exitCode()).isEqualTo(1);
        assertThat(run(longOrderNumber, "--spec", spec.toString(), "charge").exitCode()).isZero();
        assertUsage(run("", "--spec", dir.resolve("missing.yaml").toString(), "--list-kinds"), "no such spec file");
        Files.writeString(spec, "openapi: 3.0.3\n", StandardCharsets.UTF_8);
        assertUsage(run("", "--spec", spec.toString(), "--list-kinds"), "cannot be used: The spec has no components.schemas");
        assertUsage(run("", "--spec"), "--spec needs the file of a spec");
    }

    private static void assertUsage(Run run, String message) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains(message);
    }
}
