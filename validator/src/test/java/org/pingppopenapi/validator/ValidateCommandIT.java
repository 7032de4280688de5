package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar at its stable path, run as scripts run it: {@code java -jar validator/target/pingpp-validator-cli.jar}. */
class ValidateCommandIT {

    private static final Path JAR = Path.of(System.getProperty("pingpp.cli.jar", "target/pingpp-validator-cli.jar"));

    record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result java(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        // The outputs are a few lines: reading them one after the other cannot fill a pipe and block.
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
        return new Result(process.exitValue(), stdout, stderr);
    }

    @Test
    void theJarHonoursTheContract(@TempDir Path dir) throws Exception {
        assertThat(JAR).isRegularFile();

        Result valid = java(Fixtures.charge("upacp").toString(), "charge", "--now", String.valueOf(Fixtures.NOW), "-");
        assertThat(valid).isEqualTo(new Result(0, "", ""));

        Path file = dir.resolve("order-pay.json");
        Files.writeString(file, "{\"charge_amount\":10,\"channel\":\"isv_qr\",\"extra\":{\"pay_channel\":\"wx\",\"terminal_id\":\"SH008\"},"
                + "\"time_expire\":" + (Fixtures.NOW + 86401) + "}");
        Result invalid = java("", "order-pay", "--now", String.valueOf(Fixtures.NOW), file.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.stderr()).isEmpty();
        assertThat(invalid.stdout().lines().toList()).containsExactly("{\"field\":\"time_expire\",\"rule\":\"order_pay.time_expire.offline_scan\","
                + "\"message\":\"time_expire must be 60 to 86400 seconds after the creation time 1700000000, is 86401 seconds after it "
                + "(order_pay.time_expire.offline_scan)\"}");

        Result malformed = java("{", "charge");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.stdout()).isEmpty();
        assertThat(malformed.stderr()).contains("is not valid JSON");

        Result usage = java("{}", "refund");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.stderr()).contains("unknown kind 'refund'").contains("charge-refund");

        Result kinds = java("", "--list-kinds");
        assertThat(kinds.exitCode()).isZero();
        assertThat(kinds.stdout().lines()).contains("charge\tChargeCreateRequest", "order-pay\tOrderPayRequest");
    }
}
