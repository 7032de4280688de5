package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.Webhooks;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.RequestSigning;
import org.pingppopenapi.signing.WebhookSignature;

/**
 * The README's main command, as a real process: {@code java -jar sandbox/target/pingpp-sandbox.jar}. It prints the
 * port, a key hint and the webhook key file when ready; serves the API; delivers webhooks a receiver verifies with
 * that file; stops on SIGTERM; and exits 2 on a usage error.
 */
class SandboxJarIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))/v1");
    private static final Pattern KEY_FILE = Pattern.compile("Webhook key: +(\\S+\\.pem)");

    @Test
    void theJarServesTheApiAndSignedWebhooksUntilSigterm() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            Process sandbox = start("--port", "0", "--webhook-url", receiver.url().toString());
            Output out = new Output(sandbox);
            String text = out.awaitLine("Simulate:");
            Matcher listening = LISTENING.matcher(text);
            Matcher keyFile = KEY_FILE.matcher(text);
            assertThat(listening.find()).as(text).isTrue();
            assertThat(keyFile.find()).as(text).isTrue();
            assertThat(text).contains("sk_test_");
            assertThat(Integer.parseInt(listening.group(2))).isPositive();
            assertThat(text).as("the platform's crypto is named; on Linux x86-64 the native provider signs (ACCP)")
                    .contains(nativeCryptoExpected() ? "Crypto:       Amazon Corretto Crypto Provider" : "Crypto:       the JDK's");

            String key = Fixtures.newKey();
            SandboxHttp http = new SandboxHttp(URI.create(listening.group(1)), key);
            String chargeId = SandboxHttp.ok(http.postForm("/v1/charges", Fixtures.upacpChargeForm(100))).get("id").asText();
            SandboxHttp.Answer retrieved = http.get("/v1/charges/" + chargeId);
            assertThat(WebhookSignature.verify(PemKeys.publicKey(Files.readString(Path.of(keyFile.group(1)))),
                    retrieved.body().getBytes(StandardCharsets.UTF_8),
                    retrieved.response().headers().firstValue(WebhookSignature.HEADER).orElseThrow()))
                    .as("the answer is signed with the webhook key, and the JDK's RSA verifies what the native one signed")
                    .isTrue();
            http.pay(chargeId);
            WebhookReceiver.Delivery delivery = receiver.awaitDeliveries(1).get(0);
            Event event = Webhooks.withPublicKey(Files.readString(Path.of(keyFile.group(1)))).verify(delivery.body(),
                    delivery.headers());
            assertThat(event.getType()).isEqualTo("charge.succeeded");

            // SIGTERM through the handle: Process.destroy() would also close the pipes the output is read from.
            assertThat(sandbox.toHandle().destroy()).isTrue();
            assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            assertThat(out.awaitLine("Ping++ sandbox stopped.")).isNotEmpty();
        }
    }

    /**
     * A key of your own (2048-bit, PKCS#1 PEM) is read by the process's provider and signs: the native one by default,
     * the JDK's with {@code --jdk-crypto}; the JDK's RSA verifies both.
     */
    @Test
    void aSigningKeyOfYourOwnSignsEveryAnswerWithEitherCrypto() throws Exception {
        Path vectors = Path.of(System.getProperty("pingpp.root", "..")).resolve("test-vectors");
        String privateKey = vectors.resolve("merchant-demo-your_rsa_private_key_pkcs1.pem").toString();
        for (List<String> crypto : List.of(List.<String>of(), List.of("--jdk-crypto"))) {
            List<String> args = new ArrayList<>(List.of("--port", "0", "--webhook-private-key", privateKey));
            args.addAll(crypto);
            Process sandbox = start(args.toArray(String[]::new));
            try {
                String banner = new Output(sandbox).awaitLine("Simulate:");
                assertThat(banner).contains(crypto.isEmpty() && nativeCryptoExpected()
                        ? "Crypto:       Amazon Corretto Crypto Provider" : "Crypto:       the JDK's");
                Matcher listening = LISTENING.matcher(banner);
                assertThat(listening.find()).isTrue();
                SandboxHttp http = new SandboxHttp(URI.create(listening.group(1)), Fixtures.newKey());
                SandboxHttp.Answer created = http.postForm("/v1/charges", Fixtures.upacpChargeForm(100));
                assertThat(created.status()).isEqualTo(200);
                assertThat(WebhookSignature.verify(
                        PemKeys.publicKey(Files.readString(vectors.resolve("merchant-demo-your_rsa_public_key.pem"))),
                        created.body().getBytes(StandardCharsets.UTF_8),
                        created.response().headers().firstValue(WebhookSignature.HEADER).orElseThrow()))
                        .as("signed with %s", crypto).isTrue();
            } finally {
                sandbox.toHandle().destroy();
                sandbox.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * {@code --merchant-public-key}: the process's provider (native on Linux x86-64) reads the merchant's PEM and
     * verifies request signatures; a signed POST passes, a tampered one is the live API's 400.
     */
    @Test
    void signedRequestsAreVerifiedByTheProcessProvider() throws Exception {
        Path vectors = Path.of(System.getProperty("pingpp.root", "..")).resolve("test-vectors");
        Process sandbox = start("--port", "0", "--merchant-public-key",
                vectors.resolve("merchant-demo-your_rsa_public_key.pem").toString());
        try {
            Matcher listening = LISTENING.matcher(new Output(sandbox).awaitLine("Simulate:"));
            assertThat(listening.find()).isTrue();
            SandboxHttp http = new SandboxHttp(URI.create(listening.group(1)), Fixtures.newKey());
            String form = Fixtures.upacpChargeForm(100);
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            String signature = RequestSigning.sign(PemKeys.privateKey(Files.readString(
                    vectors.resolve("merchant-demo-your_rsa_private_key_pkcs8.pem"))),
                    form.getBytes(StandardCharsets.UTF_8), "/v1/charges", timestamp);
            String formType = "application/x-www-form-urlencoded";

            SandboxHttp.Answer signed = http.postSigned("/v1/charges", formType, form, timestamp, signature);
            SandboxHttp.Answer tampered = http.postSigned("/v1/charges", formType, form.replace("amount=100", "amount=999"),
                    timestamp, signature);

            assertThat(signed.status()).as(signed.body()).isEqualTo(200);
            assertThat(tampered.status()).isEqualTo(400);
            assertThat(tampered.error().get("code").asText()).isEqualTo("signature_invalid");
        } finally {
            sandbox.toHandle().destroy();
            sandbox.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void usageErrorsExitWith2AndSayWhy() throws Exception {
        for (List<String> args : List.of(List.of("--port", "eighty"), List.of("--port", "70000"), List.of("--frobnicate", "1"),
                List.of("--webhook-url", "ftp://example.com"), List.of("--api-key", "sk_live_abc"), List.of("--port"),
                List.of("--body-timeout", "0"), List.of("--max-connections", "none"))) {
            Process sandbox = start(args.toArray(String[]::new));
            assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String errors = new String(sandbox.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sandbox.exitValue()).as("%s: %s", args, errors).isEqualTo(2);
            assertThat(errors).startsWith("pingpp-sandbox: ");
        }
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        Process sandbox = start("--help");
        assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sandbox.exitValue()).isZero();
        assertThat(new String(sandbox.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Usage: java -jar pingpp-sandbox.jar", "--webhook-url", "/sandbox/charges/{id}/pay");
    }

    @Test
    void aTakenPortExitsWith1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process sandbox = start("--port", Integer.toString(taken.getLocalPort()));
            assertThat(sandbox.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(sandbox.exitValue()).isEqualTo(1);
            assertThat(new String(sandbox.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("cannot start");
        }
    }

    /** The platforms ACCP's jar (the sandbox's linux-x86_64 dependency) carries a native library for. */
    private static boolean nativeCryptoExpected() {
        return System.getProperty("os.name").equals("Linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }

    private static Process start(String... args) throws IOException {
        String jar = System.getProperty("pingpp.sandbox.jar");
        assertThat(jar).as("set by the build: the path of the sandbox jar").isNotNull();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** A process's standard output, read as it comes on a thread of its own. */
    private static final class Output {

        private final StringBuilder text = new StringBuilder();

        Output(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        synchronized (this) {
                            text.append(line).append('\n');
                            notifyAll();
                        }
                    }
                } catch (IOException closed) {
                    // The process ended.
                }
            }, "sandbox-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Everything printed up to the first line starting with {@code prefix} (ignoring indentation). */
        synchronized String awaitLine(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (text.toString().lines().noneMatch(line -> line.strip().startsWith(prefix))) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("No line starting with " + prefix + " in: " + text);
                }
                wait(left);
            }
            return text.toString();
        }
    }
}
