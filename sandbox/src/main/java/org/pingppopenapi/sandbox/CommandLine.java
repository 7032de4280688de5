package org.pingppopenapi.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pingppopenapi.sandbox.domain.Accounts;
import org.pingppopenapi.sandbox.http.TestModeKeys;

/** The sandbox's command line, parsed; a mistake is a {@link UsageException} that names it. */
record CommandLine(String host, int port, URI webhookUrl, Set<String> apiKeys, Path webhookPrivateKey,
        Path webhookPublicKeyOut, Path merchantPublicKey, long maxBodyBytes, int maxAccounts, int maxObjectsPerAccount,
        Duration bodyTimeout, int maxConnections, boolean signResponses, boolean jdkCrypto, boolean help) {

    static final int DEFAULT_PORT = 8080;
    static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    static final String USAGE = """
            Usage: java -jar pingpp-sandbox.jar [options]

            A stateful Ping++ test server on http://127.0.0.1:<port>/v1, with state in memory.

            Options:
              --port N                      listen on port N (default 8080; 0 picks a free port)
              --host ADDRESS                bind to ADDRESS (default 127.0.0.1)
              --webhook-url URL             POST every event to URL, signed with X-Pingplusplus-Signature
              --api-key KEY                 accept only this sk_test_ key (repeatable; default: any sk_test_ key,
                                            each key its own account)
              --webhook-private-key FILE    sign webhooks with this RSA private key (PEM) instead of a new one
              --webhook-public-key-out FILE write the webhook public key PEM there (default: a file in the
                                            temporary directory, printed at startup)
              --merchant-public-key FILE    require signed requests (Pingplusplus-Signature), verified with this
                                            merchant public key (PEM)
              --max-body-bytes N            refuse larger request bodies with 413 (default 1048576)
              --max-accounts N              keep at most N accounts; one more forgets the least recently used
                                            (default 100)
              --max-objects-per-account N   refuse POSTs with 402 once an account made N objects, until it is
                                            reset (default 10000)
              --body-timeout SECONDS        answer 408 to a body not arrived within SECONDS, and close a
                                            connection whose answer is unread that long (default 30)
              --max-connections N           answer 429 to connections beyond N (default: one per 4 MiB of heap)
              --no-response-signatures      do not sign 2xx answers (X-Pingplusplus-Signature, signed with the
                                            webhook key, is on by default; pingpp-java 2.5+ verifies it)
              --jdk-crypto                  sign with the JDK's providers even where the native one (Amazon
                                            Corretto Crypto Provider, Linux x86-64) loads; same signatures, slower
              --help                        print this and exit

            Sandbox-only endpoints (same API key): POST /sandbox/charges/{id}/pay, POST /sandbox/charges/{id}/fail,
            POST /sandbox/reset, GET /sandbox/webhook-public-key.
            """;

    static CommandLine parse(List<String> args) {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        URI webhookUrl = null;
        Set<String> apiKeys = new LinkedHashSet<>();
        Path webhookPrivateKey = null;
        Path webhookPublicKeyOut = null;
        Path merchantPublicKey = null;
        long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        int maxAccounts = Accounts.DEFAULT_MAX_ACCOUNTS;
        int maxObjectsPerAccount = Accounts.DEFAULT_MAX_OBJECTS_PER_ACCOUNT;
        Duration bodyTimeout = Sandbox.DEFAULT_REQUEST_BODY_TIMEOUT;
        int maxConnections = 0;
        boolean signResponses = true;
        boolean jdkCrypto = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                help = true;
                continue;
            }
            if (option.equals("--no-response-signatures")) {
                signResponses = false;
                continue;
            }
            if (option.equals("--jdk-crypto")) {
                jdkCrypto = true;
                continue;
            }
            String value;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(option.startsWith("--") ? option + " needs a value" : "Unexpected argument: " + option);
            }
            switch (option) {
                case "--port" -> port = (int) number(option, value, 0, 65535);
                case "--host" -> host = value;
                case "--webhook-url" -> webhookUrl = httpUrl(value);
                case "--api-key" -> {
                    if (!TestModeKeys.TEST_KEY.matcher(value).matches()) {
                        throw new UsageException("--api-key takes a test key: sk_test_ and letters, digits or _");
                    }
                    apiKeys.add(value);
                }
                case "--webhook-private-key" -> webhookPrivateKey = Path.of(value);
                case "--webhook-public-key-out" -> webhookPublicKeyOut = Path.of(value);
                case "--merchant-public-key" -> merchantPublicKey = Path.of(value);
                case "--max-body-bytes" -> maxBodyBytes = number(option, value, 1, Integer.MAX_VALUE);
                case "--max-accounts" -> maxAccounts = (int) number(option, value, 1, Integer.MAX_VALUE);
                case "--max-objects-per-account" -> maxObjectsPerAccount = (int) number(option, value, 1, Integer.MAX_VALUE);
                case "--body-timeout" -> bodyTimeout = Duration.ofSeconds(number(option, value, 1, 3600));
                case "--max-connections" -> maxConnections = (int) number(option, value, 1, 1_000_000);
                default -> throw new UsageException("Unknown option: " + option);
            }
        }
        return new CommandLine(host, port, webhookUrl, Set.copyOf(apiKeys), webhookPrivateKey, webhookPublicKeyOut,
                merchantPublicKey, maxBodyBytes, maxAccounts, maxObjectsPerAccount, bodyTimeout, maxConnections,
                signResponses, jdkCrypto, help);
    }

    private static long number(String option, String value, long min, long max) {
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new UsageException(option + " takes a number from " + min + " to " + max + ", not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number, not " + value);
        }
    }

    private static URI httpUrl(String value) {
        try {
            URI url = new URI(value);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new UsageException("--webhook-url takes an http(s) URL with a host, not " + value);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new UsageException("--webhook-url takes a URL, not " + value);
        }
    }

    /** A mistake on the command line: the sandbox exits with status 2 and the message. */
    static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
