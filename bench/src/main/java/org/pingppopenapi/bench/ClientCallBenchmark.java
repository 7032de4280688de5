package org.pingppopenapi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeCreateRequest;

/**
 * Per-call overhead of the client against a raw {@code java.net.http.HttpClient} call to the same local server
 * (the JDK's {@code HttpServer} on loopback, answering a Ping++ charge), one caller thread, keep-alive on both sides:
 * <ul>
 *   <li>{@code rawRetrieve}: GET with the {@code Authorization} header, the body as bytes;</li>
 *   <li>{@code rawRetrieveAndRead}: the same, then the body read into {@code Charge} with the client's mapper;</li>
 *   <li>{@code clientRetrieve}: {@code client.charges().retrieveCharge(id, Set.of())}, unsigned;</li>
 *   <li>{@code rawCreate}: POST of a prepared JSON body, the answer as bytes;</li>
 *   <li>{@code clientCreate}: {@code createCharge} with the body checked against every rule of the spec first;</li>
 *   <li>{@code clientCreateUnvalidated}: the same with validation off.</li>
 * </ul>
 * Sample time, so JMH reports percentiles; compare the p0.50 lines. Run:
 * {@code java -jar bench/target/benchmarks.jar ClientCallBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ClientCallBenchmark {

    private static final String API_KEY = "sk_test_ibbTe5jLGCi5rzfH4OqPW9KC";
    private static final String CHARGE_ID = "ch_L8qn10mLmr1GS8e5OODmHaL4";
    private static final byte[] CHARGE = """
            {"id":"ch_L8qn10mLmr1GS8e5OODmHaL4","object":"charge","created":1410834527,"livemode":false,"paid":false,
             "refunded":false,"reversed":false,"app":"app_1Gqj58ynP0mHeX1q","channel":"upacp","order_no":"123456789",
             "client_ip":"127.0.0.1","amount":100,"amount_settle":100,"currency":"cny","subject":"Your Subject",
             "body":"Your Body","extra":{},"time_paid":null,"time_expire":1410838127,"time_settle":null,
             "transaction_no":null,"refunds":{"object":"list","url":"/v1/charges/ch_L8qn10mLmr1GS8e5OODmHaL4/refunds",
             "has_more":false,"data":[]},"amount_refunded":0,"failure_code":null,"failure_msg":null,
             "metadata":{"color":"red"},"credential":{"object":"credential","upacp":{"tn":"201409161028470000000",
             "mode":"01"}},"description":null}""".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private HttpClient raw;
    private HttpRequest rawGet;
    private HttpRequest rawPost;
    private ObjectMapper mapper;
    private PingppClient client;
    private PingppClient unvalidated;
    private ChargeCreateRequest createRequest;

    @Setup(Level.Trial)
    public void start() throws IOException {
        // The JDK server writes headers and body separately; without TCP_NODELAY every answer would wait for the
        // client's delayed ACK (about 40 ms on Linux), and both sides would measure that instead of themselves.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/charges", exchange -> {
            try (InputStream request = exchange.getRequestBody(); OutputStream response = exchange.getResponseBody()) {
                request.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, CHARGE.length);
                response.write(CHARGE);
            }
        });
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        rawGet = HttpRequest.newBuilder(base.resolve("/v1/charges/" + CHARGE_ID))
                .header("Authorization", "Bearer " + API_KEY).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(80)).GET().build();
        createRequest = new ChargeCreateRequest().orderNo("123456789").app(new AppReference().id("app_1Gqj58ynP0mHeX1q"))
                .channel("upacp").amount(100L).clientIp("127.0.0.1").currency("cny").subject("Your Subject")
                .body("Your Body");
        rawPost = HttpRequest.newBuilder(base.resolve("/v1/charges"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(80))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(createRequest))).build();
        mapper = Json.MAPPER;
        client = PingppClient.builder().apiKey(API_KEY).baseUrl(base).build();
        unvalidated = PingppClient.builder().apiKey(API_KEY).baseUrl(base).validateRequests(false).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        unvalidated.close();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Benchmark
    public byte[] rawRetrieve() throws Exception {
        return raw.send(rawGet, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Benchmark
    public Charge rawRetrieveAndRead() throws Exception {
        return mapper.readValue(raw.send(rawGet, HttpResponse.BodyHandlers.ofByteArray()).body(), Charge.class);
    }

    @Benchmark
    public Charge clientRetrieve() {
        return client.charges().retrieveCharge(CHARGE_ID, Set.of());
    }

    @Benchmark
    public byte[] rawCreate() throws Exception {
        return raw.send(rawPost, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Benchmark
    public Charge clientCreate() {
        return client.charges().createCharge(createRequest);
    }

    @Benchmark
    public Charge clientCreateUnvalidated() {
        return unvalidated.charges().createCharge(createRequest);
    }
}
