package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or broken client must not break (issue 14): 20,000 requests malformed at the HTTP level, seeded
 * ({@code -Dsandbox.hostile.seed=N} replays a printed seed), each answered with a 4xx and the Ping++ error body (never
 * a 5xx, a bare status or a stack trace in the log), and the slow, pipelining and never-reading clients that once
 * stalled or exhausted the server. The assertions are about outcomes; every timeout is a deadlock guard, far longer
 * than anything takes when the server works.
 */
class HostileClientsTest {

    private static final int MALFORMED_REQUESTS = 20_000;
    /** No request of a working server comes near this; a stalled server hits it. */
    private static final Duration GUARD = Duration.ofSeconds(20);
    /** More slow clients than the cores, the old worker threads and selector threads put together. */
    private static final int SLOW_CLIENTS = 4 * Runtime.getRuntime().availableProcessors() + 4;

    private static Sandbox sandbox;
    private static String key;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        // Slow bodies are given far longer than the guard, so that serving others while they hang proves something.
        sandbox = Sandbox.builder().requestBodyTimeout(Duration.ofSeconds(120)).start();
        key = Fixtures.newKey();
        http = new SandboxHttp(sandbox.baseUri(), key);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void twentyThousandMalformedRequestsGetA4xxWithTheErrorBody() throws Exception {
        long seed = Long.getLong("sandbox.hostile.seed", System.nanoTime());
        System.out.println("HostileClientsTest seed: " + seed + " (replay with -Dsandbox.hostile.seed=" + seed + ")");
        MalformedRequests generator = new MalformedRequests(seed, key);
        Map<String, Map<Integer, Integer>> statusesByKind = new ConcurrentHashMap<>();
        List<String> problems = new ArrayList<>();
        SevereLog severe = SevereLog.capture();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < MALFORMED_REQUESTS; i++) {
                int index = i;
                outcomes.add(clients.submit(() -> check(generator.request(index), statusesByKind)));
            }
            for (Future<String> outcome : outcomes) {
                String problem = outcome.get(GUARD.toSeconds() * 10, TimeUnit.SECONDS);
                if (problem != null && problems.size() < 20) {
                    problems.add(problem);
                }
            }
        } finally {
            clients.shutdownNow();
            severe.stop();
        }
        System.out.println("HostileClientsTest statuses by kind: " + new TreeMap<>(statusesByKind));

        assertThat(problems).as("seed %d", seed).isEmpty();
        assertThat(severe.records()).as("errors logged while answering them").isEmpty();
        assertThat(statusesByKind.keySet()).as("every kind was sent")
                .containsExactlyInAnyOrderElementsOf(MalformedRequests.KINDS.stream().map(MalformedRequests.Kind::name).toList());
        assertFreshClientsAreServed();
    }

    /** Null when the answer is the one the kind must get; otherwise what was wrong, with the request. */
    private static String check(MalformedRequests.Malformed request, Map<String, Map<Integer, Integer>> statusesByKind) {
        RawHttpConnection.Answer answer;
        try (RawHttpConnection connection = RawHttpConnection.open(sandbox.baseUri(), GUARD)) {
            connection.send(request.bytes());
            answer = connection.readAnswer();
        } catch (IOException e) {
            return request.shown() + " -> no answer: " + e;
        }
        statusesByKind.computeIfAbsent(request.kind().name(), kind -> new ConcurrentHashMap<>())
                .merge(answer.status(), 1, Integer::sum);
        if (!request.kind().statuses().contains(answer.status())) {
            return request.shown() + " -> " + answer + ", expected " + request.kind().statuses();
        }
        if (answer.status() >= 400 && !answer.isPingppError()) {
            return request.shown() + " -> " + answer.status() + " without the Ping++ error body: " + answer.headers() + " " + answer;
        }
        return null;
    }

    /**
     * Half-sent bodies hold up no one: chunked uploads that stopped after their first chunk, and bodies that stopped
     * after 10 of their bytes, more of each than there are cores and threads, while requests of every shape are
     * served, the JDK client's POSTs whose body follows their head included. Then the slow ones finish and are served.
     */
    @Test
    void halfSentBodiesHoldUpNoOneElse() throws Exception {
        List<RawHttpConnection> chunked = new ArrayList<>();
        List<RawHttpConnection> halfSent = new ArrayList<>();
        List<String> halfSentBodies = new ArrayList<>();
        List<String> chunkedBodies = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                String body = chargeJson(Fixtures.orderNo());
                chunkedBodies.add(body);
                chunked.add(RawHttpConnection.open(sandbox.baseUri(), GUARD).send(postHead("Transfer-Encoding: chunked")
                        + chunk(body.substring(0, 5))));
                String other = chargeJson(Fixtures.orderNo());
                halfSentBodies.add(other);
                halfSent.add(RawHttpConnection.open(sandbox.baseUri(), GUARD).send(postHead("Content-Length: " + other.length())
                        + other.substring(0, 10)));
            }

            assertFreshClientsAreServed();
            for (RawHttpConnection slow : chunked) {
                assertThat(slow.nothingAnsweredYet()).as("a body still arriving is not answered").isTrue();
            }

            for (int i = 0; i < SLOW_CLIENTS; i++) {
                halfSent.get(i).send(halfSentBodies.get(i).substring(10));
                chunked.get(i).send(chunk(chunkedBodies.get(i).substring(5)) + "0;done\r\n\r\n");
            }
            for (RawHttpConnection slow : concat(halfSent, chunked)) {
                RawHttpConnection.Answer answer = slow.readAnswer();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                assertThat(answer.json().get("object").asText()).isEqualTo("charge");
            }
        } finally {
            closeAll(concat(chunked, halfSent));
        }
    }

    /** A body that never completes is answered 408 with the error body once its time is up, and the connection closes. */
    @Test
    void aBodyThatNeverCompletesIsA408() throws Exception {
        try (Sandbox impatient = Sandbox.builder().requestBodyTimeout(Duration.ofSeconds(1)).start();
             RawHttpConnection stalled = RawHttpConnection.open(impatient.baseUri(), GUARD);
             RawHttpConnection stalledChunks = RawHttpConnection.open(impatient.baseUri(), GUARD)) {
            String body = chargeJson(Fixtures.orderNo());
            stalled.send(postHead("Content-Length: 1000") + body.substring(0, 10));
            stalledChunks.send(postHead("Transfer-Encoding: chunked") + "5\r\n{\"a\":\r\n");

            for (RawHttpConnection connection : List.of(stalled, stalledChunks)) {
                RawHttpConnection.Answer answer = connection.readAnswer();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(408);
                assertThat(answer.isPingppError()).isTrue();
                assertThat(connection.closedByServer()).isTrue();
            }
        }
    }

    /**
     * Pipelined requests with bodies are answered in order: creates and retrieves interleaved on one connection, each
     * answer the one of its request (the third request after a POST once read overwritten bytes).
     */
    @Test
    void pipelinedRequestsWithBodiesAreAnsweredInOrder() throws Exception {
        String existing = SandboxHttp.ok(http.postJson("/v1/charges", chargeJson(Fixtures.orderNo()))).get("id").asText();
        List<String> orderNumbers = new ArrayList<>();
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String orderNo = Fixtures.orderNo();
            orderNumbers.add(orderNo);
            String body = chargeJson(orderNo);
            pipeline.append(postHead("Content-Length: " + body.length())).append(body);
            pipeline.append("GET /v1/charges/").append(existing).append(" HTTP/1.1\r\nHost: sandbox\r\nAuthorization: ")
                    .append(SandboxHttp.basic(key)).append("\r\n\r\n");
        }

        try (RawHttpConnection connection = RawHttpConnection.open(sandbox.baseUri(), GUARD)) {
            connection.send(pipeline.toString());
            for (String orderNo : orderNumbers) {
                JsonNode created = connection.readAnswer().json();
                JsonNode retrieved = connection.readAnswer().json();
                assertThat(created.path("order_no").asText()).as(created.toString()).isEqualTo(orderNo);
                assertThat(retrieved.path("id").asText()).as(retrieved.toString()).isEqualTo(existing);
            }
        }
    }

    /**
     * Clients that pipeline requests for large pages and never read cost the server one answer each, not one per
     * request: a sandbox in its own JVM with a 96 MB heap, 12 such clients asking for 250 pages of about 220 KB
     * each (660 MB if they were all queued), still serves a fresh client, and the answers of a client that starts
     * reading at last all come, in order.
     */
    @Test
    void clientsThatNeverReadTheirAnswersAreBoundedAndHoldUpNoOneElse() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
                "-cp", System.getProperty("java.class.path"), SandboxMain.class.getName(), "--port", "0")
                .redirectErrorStream(true)
                .start();
        List<RawHttpConnection> neverReading = new ArrayList<>();
        try {
            URI base = awaitListening(child);
            String owner = Fixtures.newKey();
            SandboxHttp ownerHttp = new SandboxHttp(base, owner);
            for (int i = 0; i < 100; i++) {
                SandboxHttp.ok(ownerHttp.postJson("/v1/charges", chargeJson(Fixtures.orderNo())
                        .replace("}", ",\"metadata\":{\"bulk\":\"" + "x".repeat(900) + "\"}}")));
            }
            String page = "GET /v1/charges?app%5Bid%5D=" + Fixtures.APP + "&limit=100&expand%5B%5D=app HTTP/1.1\r\nHost: sandbox"
                    + "\r\nAuthorization: " + SandboxHttp.basic(owner) + "\r\n\r\n";
            RawHttpConnection laterReader = RawHttpConnection.open(base, GUARD).send(page.repeat(250));
            for (int i = 0; i < 11; i++) {
                neverReading.add(RawHttpConnection.openReadingNothing(base, GUARD).send(page.repeat(250)));
            }
            neverReading.add(laterReader);

            SandboxHttp.Answer fresh = SandboxHttp.send(HttpRequest.newBuilder(URI.create(base + "/v1/events?limit=1"))
                    .timeout(GUARD).header("Authorization", SandboxHttp.basic(owner)).GET());
            assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);

            for (int i = 0; i < 250; i++) {
                RawHttpConnection.Answer answer = laterReader.readAnswer();
                assertThat(answer.status()).as("answer %d: %s", i, answer).isEqualTo(200);
                assertThat(answer.json().get("data")).hasSize(100);
            }
            assertThat(child.isAlive()).isTrue();
        } finally {
            closeAll(neverReading);
            child.destroy();
            child.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientThatExpects100ContinueIsToldToContinue() throws Exception {
        String body = chargeJson(Fixtures.orderNo());
        try (RawHttpConnection connection = RawHttpConnection.open(sandbox.baseUri(), GUARD)) {
            connection.send(postHead("Content-Length: " + body.length() + "\r\nExpect: 100-continue"));

            assertThat(connection.readInterimStatus()).isEqualTo(100);
            connection.send(body);
            assertThat(connection.readAnswer().status()).isEqualTo(200);
        }
    }

    /** Connections beyond the limit are answered 429 with the error body and closed; a freed slot serves again. */
    @Test
    void connectionsBeyondTheLimitAreRefusedWithA429() throws Exception {
        List<RawHttpConnection> open = new ArrayList<>();
        try (Sandbox small = Sandbox.builder().maxConnections(4).start()) {
            String events = "GET /v1/events HTTP/1.1\r\nHost: sandbox\r\nAuthorization: " + SandboxHttp.basic(key) + "\r\n\r\n";
            for (int i = 0; i < 4; i++) {
                RawHttpConnection connection = RawHttpConnection.open(small.baseUri(), GUARD);
                open.add(connection);
                assertThat(connection.send(events).readAnswer().status()).isEqualTo(200);
            }

            try (RawHttpConnection refused = RawHttpConnection.open(small.baseUri(), GUARD)) {
                RawHttpConnection.Answer answer = refused.readAnswer();
                assertThat(answer.status()).isEqualTo(429);
                assertThat(answer.isPingppError()).isTrue();
                assertThat(refused.closedByServer()).isTrue();
            }

            open.remove(0).close();
            long deadline = System.nanoTime() + GUARD.toNanos();
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline) {
                try (RawHttpConnection again = RawHttpConnection.open(small.baseUri(), GUARD)) {
                    status = again.send(events).readAnswer().status();
                }
            }
            assertThat(status).as("a connection once one was closed").isEqualTo(200);
        } finally {
            closeAll(open);
        }
    }

    /**
     * Requests arriving whole on new connections, each answered: bodyless ones and POSTs by the JDK client (which
     * writes a body after its head), and charges written in one piece.
     */
    private static void assertFreshClientsAreServed() throws IOException {
        for (int i = 0; i < 2 * SLOW_CLIENTS; i++) {
            SandboxHttp.Answer events = SandboxHttp.send(http.request("/v1/events?limit=1").timeout(GUARD).GET());
            assertThat(events.status()).as(events.body()).isEqualTo(200);
            SandboxHttp.Answer created = SandboxHttp.send(http.request("/v1/charges").timeout(GUARD)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(chargeJson(Fixtures.orderNo()))));
            assertThat(created.status()).as(created.body()).isEqualTo(200);
        }
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            String body = chargeJson(Fixtures.orderNo());
            try (RawHttpConnection connection = RawHttpConnection.open(sandbox.baseUri(), GUARD)) {
                assertThat(connection.send(postHead("Content-Length: " + body.length()) + body).readAnswer().status())
                        .isEqualTo(200);
            }
        }
    }

    private static String postHead(String framing) {
        return "POST /v1/charges HTTP/1.1\r\nHost: sandbox\r\nAuthorization: " + SandboxHttp.basic(key)
                + "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
    }

    private static String chargeJson(String orderNo) {
        return "{\"order_no\":\"" + orderNo + "\",\"app\":{\"id\":\"" + Fixtures.APP + "\"},\"channel\":\"upacp\","
                + "\"amount\":100,\"client_ip\":\"127.0.0.1\",\"currency\":\"cny\",\"subject\":\"Your Subject\","
                + "\"body\":\"Your Body\"}";
    }

    private static URI awaitListening(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)/v1");
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher matcher = listening.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "child-sandbox-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create(matcher.group(1));
            }
        }
        throw new IllegalStateException("The child sandbox ended before it listened");
    }

    private static List<RawHttpConnection> concat(List<RawHttpConnection> first, List<RawHttpConnection> second) {
        List<RawHttpConnection> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void closeAll(List<RawHttpConnection> connections) throws IOException {
        for (RawHttpConnection connection : connections) {
            connection.close();
        }
    }

    /** The records of level SEVERE the sandbox's loggers publish while captured. */
    private static final class SevereLog extends Handler {

        private final List<LogRecord> records = new ArrayList<>();
        private final Logger root = Logger.getLogger("");

        static SevereLog capture() {
            SevereLog log = new SevereLog();
            log.setLevel(Level.SEVERE);
            log.root.addHandler(log);
            return log;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue() && records.size() < 20) {
                records.add(record);
            }
        }

        synchronized List<String> records() {
            return records.stream().map(record -> record.getLoggerName() + ": " + record.getMessage()
                    + (record.getThrown() == null ? "" : " " + record.getThrown())).toList();
        }

        void stop() {
            root.removeHandler(this);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
