package org.pingppopenapi.sandbox.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pingppopenapi.prism.PrismOptions;
import org.pingppopenapi.prism.PrismServer;

/**
 * Requests per second and latency of the sandbox against {@code prism mock} on the same spec, with the same
 * requests, in one run on loopback: retrieve a charge ({@code GET /v1/charges/{id}}) and create a charge
 * ({@code POST /v1/charges}, the charge document's body with a new {@code order_no} each time). Each server runs
 * as its own process (the sandbox jar, Prism's node process); the load generator runs here.
 *
 * <p>Per request kind, each server is first warmed up, unrecorded, long enough for the sandbox's JIT compilers to
 * settle (its throughput still climbs after 15 s); then the two are measured in turns, several rounds, so that a
 * passing disturbance of the shared machine shows as one odd round rather than as the result. The ratio reported is
 * the median of the rounds' ratios, each round's figures listed too.
 *
 * <p>Not part of the normal build. Run it with {@code ./mvnw -B -pl sandbox -am -Pbench -DskipTests verify}; the
 * system properties {@code bench.connections}, {@code bench.warmUpSeconds}, {@code bench.seconds} (per round) and
 * {@code bench.rounds} tune it; {@code bench.sandboxArgs} passes options to the sandbox (such as
 * {@code --no-response-signatures}).
 */
public final class SandboxVsPrismBenchmark {

    private static final String API_KEY = "sk_test_benchmark";
    private static final String PRISM_CHARGE_ID = "ch_L8qn10mLmr1GS8e5OODmHaL4";
    private static final int ORDER_NO_DIGITS = 12;
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)/v1");

    private SandboxVsPrismBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("bench.connections", 8);
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 30));
        Duration measured = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        int rounds = Integer.getInteger("bench.rounds", 3);
        Path root = Path.of(System.getProperty("pingpp.root", ".."));
        Path jar = Path.of(System.getProperty("pingpp.sandbox.jar", root.resolve("sandbox/target/pingpp-sandbox.jar").toString()));

        List<LoadGenerator.Result> results = new ArrayList<>();
        Process sandbox = startSandbox(jar);
        try (PrismServer prism = PrismServer.startMock(root.resolve("spec/target/pingpp-openapi.yaml"),
                PrismOptions.defaults().withErrors(false))) {
            Banner banner = awaitBanner(sandbox);
            URI sandboxUri = URI.create(banner.baseUri());
            String chargeId = createCharge(sandboxUri);
            URI prismUri = prism.baseUri();
            System.out.printf(Locale.ROOT, "%d connections, %d s warm-up, %d rounds of %d s measured; sandbox %s (%s%s; crypto: %s), Prism %s;"
                    + " %d cores, load average %.2f%n", connections, warmUp.toSeconds(), rounds, measured.toSeconds(),
                    sandboxUri, jar.getFileName(), System.getProperty("bench.sandboxArgs", "").isBlank() ? ""
                            : " " + System.getProperty("bench.sandboxArgs").strip(), banner.crypto(), prismUri,
                    Runtime.getRuntime().availableProcessors(), loadAverage());

            List<Scenario> scenarios = List.of(
                    new Scenario("retrieve charge", retrieve(sandboxUri, chargeId), retrieve(prismUri, PRISM_CHARGE_ID)),
                    new Scenario("create charge", create(sandboxUri), create(prismUri)));
            for (Scenario scenario : scenarios) {
                LoadGenerator.warmUp(sandboxUri, scenario.sandboxRequests(), 200, connections, warmUp);
                LoadGenerator.warmUp(prismUri, scenario.prismRequests(), 200, connections, warmUp);
                for (int round = 1; round <= rounds; round++) {
                    long firstNumber = round * 1_000_000_000L;
                    results.add(LoadGenerator.measure("sandbox", scenario.name(), sandboxUri, scenario.sandboxRequests(), 200,
                            connections, measured, firstNumber));
                    results.add(LoadGenerator.measure("prism mock", scenario.name(), prismUri, scenario.prismRequests(), 200,
                            connections, measured, firstNumber));
                }
            }
        } finally {
            sandbox.toHandle().destroy();
            sandbox.waitFor(30, TimeUnit.SECONDS);
        }
        report(results);
        System.out.printf(Locale.ROOT, "load average at the end %.2f (other processes on the machine count too)%n",
                loadAverage());
        if (results.stream().anyMatch(result -> result.failures() > 0)) {
            throw new IllegalStateException("Some requests were not answered 200 (the failures column): the figures do"
                    + " not measure the request kinds they name");
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void report(List<LoadGenerator.Result> results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %-16s %12s %10s %10s %10s %10s%n", "server", "request", "requests/s",
                "p50 ms", "p99 ms", "requests", "failures");
        for (LoadGenerator.Result result : results) {
            System.out.printf(Locale.ROOT, "%-12s %-16s %12.0f %10.2f %10.2f %10d %10d%n", result.target(),
                    result.scenario(), result.requestsPerSecond(), result.percentileMillis(50), result.percentileMillis(99),
                    result.requests(), result.failures());
        }
        Map<String, List<double[]>> rounds = new LinkedHashMap<>();
        for (int i = 0; i + 1 < results.size(); i += 2) {
            LoadGenerator.Result sandbox = results.get(i);
            LoadGenerator.Result prism = results.get(i + 1);
            rounds.computeIfAbsent(sandbox.scenario(), name -> new ArrayList<>()).add(new double[] {
                    sandbox.requestsPerSecond() / prism.requestsPerSecond(),
                    sandbox.percentileMillis(99), prism.percentileMillis(99)});
        }
        rounds.forEach((scenario, ratios) -> {
            List<double[]> byRatio = ratios.stream().sorted(Comparator.comparingDouble(round -> round[0])).toList();
            double[] median = byRatio.get(byRatio.size() / 2);
            System.out.printf(Locale.ROOT, "%s: sandbox/Prism throughput %.1fx (median of %d rounds: %s), p99 %.2f ms vs %.2f ms"
                    + " in that round%n", scenario, median[0], ratios.size(), ratios.stream()
                    .map(round -> String.format(Locale.ROOT, "%.1fx", round[0])).collect(Collectors.joining(", ")),
                    median[1], median[2]);
        });
    }

    /** A request kind, as sent to each server. */
    private record Scenario(String name, LongFunction<byte[]> sandboxRequests, LongFunction<byte[]> prismRequests) {
    }

    private static LongFunction<byte[]> retrieve(URI server, String chargeId) {
        byte[] request = ("GET /v1/charges/" + chargeId + " HTTP/1.1\r\nHost: " + server.getAuthority()
                + "\r\nAuthorization: Bearer " + API_KEY + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return number -> request;
    }

    /** The charge document's request as JSON, with {@code order_no} the request's number in 12 digits. */
    private static LongFunction<byte[]> create(URI server) {
        String body = "{\"order_no\":\"" + "0".repeat(ORDER_NO_DIGITS) + "\",\"amount\":100,"
                + "\"app\":{\"id\":\"app_1Gqj58ynP0mHeX1q\"},\"channel\":\"upacp\",\"currency\":\"cny\","
                + "\"client_ip\":\"127.0.0.1\",\"subject\":\"Your Subject\",\"body\":\"Your Body\","
                + "\"metadata\":{\"color\":\"red\"}}";
        byte[] template = ("POST /v1/charges HTTP/1.1\r\nHost: " + server.getAuthority() + "\r\nAuthorization: Bearer "
                + API_KEY + "\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        int digitsAt = template.length - body.length() + "{\"order_no\":\"".length();
        return number -> {
            byte[] request = template.clone();
            long rest = number;
            for (int i = digitsAt + ORDER_NO_DIGITS - 1; i >= digitsAt; i--) {
                request[i] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
            return request;
        };
    }

    /** A real charge of the benchmark's account to retrieve. */
    private static String createCharge(URI sandbox) throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(sandbox)) {
            if (connection.exchange(create(sandbox).apply(999_999_999_999L)) != 200) {
                throw new IllegalStateException("The sandbox did not create the charge to retrieve");
            }
        }
        HttpResponse<String> charges;
        try {
            charges = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(sandbox + "/v1/charges?app%5Bid%5D=app_1Gqj58ynP0mHeX1q&limit=1"))
                    .header("Authorization", "Bearer " + API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Matcher id = Pattern.compile("\"id\":\"(ch_[A-Za-z0-9]{24})\"").matcher(charges.body());
        if (!id.find()) {
            throw new IllegalStateException("No charge listed: " + charges.body());
        }
        return id.group(1);
    }

    /**
     * The sandbox jar as a process of its own, with the options of {@code bench.sandboxArgs} (space-separated). All the
     * charges of the run are made in one account, hundreds of thousands of them, so its object limit is lifted.
     */
    private static Process startSandbox(Path jar) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", "0", "--max-objects-per-account", Integer.toString(Integer.MAX_VALUE)));
        String extra = System.getProperty("bench.sandboxArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** What the sandbox's banner says: its base URI and the crypto that signs its answers. */
    private record Banner(String baseUri, String crypto) {
    }

    /** The sandbox's banner, once it has printed it all. */
    private static Banner awaitBanner(Process sandbox) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        String baseUri = null;
        String crypto = "not named";
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                baseUri = listening.group(1);
            } else if (line.strip().startsWith("Crypto:")) {
                crypto = line.strip().substring("Crypto:".length()).strip();
            } else if (line.strip().startsWith("Simulate:") && baseUri != null) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "sandbox-output");
                drain.setDaemon(true);
                drain.start();
                return new Banner(baseUri, crypto);
            }
        }
        throw new IllegalStateException("The sandbox ended before it listened");
    }
}
