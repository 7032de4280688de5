package org.pingppopenapi.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pingppopenapi.sandbox.webhook.WebhookKeys;

/**
 * {@code java -jar pingpp-sandbox.jar [--port 8080] [--webhook-url URL]}: runs the sandbox until SIGTERM or
 * Ctrl-C. Exit status 2 for a usage error, 1 when it cannot start.
 */
public final class SandboxMain {

    /** The HTTP server's start-up chatter would bury the banner; warnings still show. Held so the level sticks. */
    private static final Logger GLASSFISH = Logger.getLogger("org.glassfish");
    /**
     * Hibernate Validator announces its version and warns, on the first request, that the generated models put
     * {@code @Valid} on their {@code Map} fields: nothing a user of the sandbox can act on.
     */
    private static final Logger HIBERNATE_VALIDATOR = Logger.getLogger("org.hibernate.validator");

    private SandboxMain() {
    }

    public static void main(String[] args) {
        GLASSFISH.setLevel(Level.WARNING);
        HIBERNATE_VALIDATOR.setLevel(Level.SEVERE);
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine options;
        try {
            options = CommandLine.parse(List.of(args));
        } catch (CommandLine.UsageException e) {
            err.println("pingpp-sandbox: " + e.getMessage());
            err.println("Try --help.");
            return 2;
        }
        if (options.help()) {
            out.print(CommandLine.USAGE);
            return 0;
        }
        String crypto = options.jdkCrypto() ? "the JDK's (--jdk-crypto)" : NativeCrypto.install();
        Sandbox sandbox;
        Path publicKeyFile;
        try {
            sandbox = configure(options).start();
            publicKeyFile = sandbox.writeWebhookPublicKey(options.webhookPublicKeyOut() != null
                    ? options.webhookPublicKeyOut()
                    : Files.createTempFile("pingpp-sandbox-webhook-public-key-", ".pem"));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("pingpp-sandbox: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            out.println("Ping++ sandbox stopped.");
            out.flush();
            stopped.countDown();
        }, "sandbox-shutdown"));
        printBanner(out, sandbox, options, publicKeyFile, crypto);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Sandbox.Builder configure(CommandLine options) throws IOException {
        Sandbox.Builder builder = Sandbox.builder()
                .host(options.host())
                .port(options.port())
                .webhookUrl(options.webhookUrl())
                .apiKeys(options.apiKeys())
                .maxRequestBodyBytes(options.maxBodyBytes())
                .maxAccounts(options.maxAccounts())
                .maxObjectsPerAccount(options.maxObjectsPerAccount())

                .requestBodyTimeout(options.bodyTimeout())
                .signResponses(options.signResponses());
        if (options.maxConnections() > 0) {
            builder.maxConnections(options.maxConnections());
        }
        if (options.webhookPrivateKey() != null) {
            builder.webhookKeys(WebhookKeys.fromPrivateKeyPem(Files.readString(options.webhookPrivateKey(), StandardCharsets.US_ASCII)));
        }
        if (options.merchantPublicKey() != null) {
            builder.requireSignatures(Files.readString(options.merchantPublicKey(), StandardCharsets.US_ASCII));
        }
        return builder;
    }

    private static void printBanner(PrintStream out, Sandbox sandbox, CommandLine options, Path publicKeyFile,
            String crypto) {
        out.println("Ping++ sandbox listening on " + sandbox.baseUri() + "/v1 (port " + sandbox.port() + ")");
        out.println("  API key:      " + (options.apiKeys().isEmpty()
                ? "any sk_test_ key, each its own account; e.g. curl -u sk_test_sandbox: " + sandbox.baseUri() + "/v1/events"
                : options.apiKeys().size() + " configured sk_test_ key(s)"));
        out.println("  Webhooks:     " + (options.webhookUrl() == null ? "off (start with --webhook-url URL)"
                : "POSTed to " + options.webhookUrl() + ", retried on Ping++'s schedule"));
        out.println("  Webhook key:  " + publicKeyFile.toAbsolutePath() + " (verify X-Pingplusplus-Signature with it)");
        out.println("  Answers:      " + (options.signResponses() ? "every 2xx signed in X-Pingplusplus-Signature with that key"
                : "not signed (--no-response-signatures)"));
        out.println("  Crypto:       " + crypto);
        out.println("  Simulate:     POST " + sandbox.baseUri() + "/sandbox/charges/{id}/pay (or /fail)");
        out.flush();
    }
}
