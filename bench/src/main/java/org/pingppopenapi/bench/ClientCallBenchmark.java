package org.pingppopenapi.bench;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
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
import org.pingppopenapi.client.PreflightMode;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeCreateRequest;

/**
 * Per-call overhead of the client against raw calls to the same local server (the JDK's {@code HttpServer} on
 * loopback, answering a Ping++ charge), keep-alive everywhere. Each client call runs in a JMH group with its
 * baseline, one thread each, at the same time: on a shared machine whose load comes and goes, a baseline measured
 * before or after would be measured under another load. Groups:
 * <ul>
 *   <li>{@code okHttpRetrieve}, the baseline of {@code clientRetrieve}: a GET with the {@code Authorization} header
 *       through OkHttp, the body read into {@code Charge} with the client's JSON mapping;</li>
 *   <li>{@code okHttpCreate}, the baseline of {@code clientCreate...}: the body written as JSON with the client's
 *       mapping, POSTed through OkHttp, the answer read into {@code Charge};</li>
 *   <li>{@code clientRetrieve}: {@code client.charges().retrieve(id)}, unsigned;</li>
 *   <li>{@code clientCreateUnvalidated}: {@code client.charges().create(request)} with pre-flight checks off;</li>
 *   <li>{@code clientCreate}: the same with the body checked against every rule of the spec first;</li>
 *   <li>{@code httpClientRetrieve}: the GET through the JDK's {@code HttpClient} instead, for comparison.</li>
 * </ul>
 * <ul>
 *   <li>{@code retrieve}: {@code okHttpRetrieve}, {@code clientRetrieve} and {@code httpClientRetrieve};</li>
 *   <li>{@code create}: {@code okHttpCreate}, {@code clientCreateUnvalidated} and {@code clientCreate}.</li>
 * </ul>
 * The client and the OkHttp baselines share one {@code OkHttpClient}, hence one connection pool (the client is built
 * with {@code httpClient(okHttp)}); the server answers on as many threads as there are callers. Sample time, so JMH
 * reports percentiles; compare the p0.50 and p0.99 lines of each client benchmark with its baseline in the same
 * group. Run: {@code java -jar bench/target/benchmarks.jar ClientCallBenchmark}.
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
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
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
    private ExecutorService serverThreads;
    private HttpClient httpClient;
    private HttpRequest httpClientGet;
    private OkHttpClient okHttp;
    private HttpUrl base;
    private ObjectReader chargeReader;
    private ObjectWriter requestWriter;
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
        serverThreads = Executors.newFixedThreadPool(3);
        server.setExecutor(serverThreads);
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        base = HttpUrl.get(uri);

        chargeReader = Json.MAPPER.readerFor(Charge.class);
        requestWriter = Json.MAPPER.writerFor(ChargeCreateRequest.class);
        createRequest = new ChargeCreateRequest().orderNo("123456789").app(new AppReference().id("app_1Gqj58ynP0mHeX1q"))
                .channel("upacp").amount(100L).clientIp("127.0.0.1").currency("cny").subject("Your Subject")
                .body("Your Body");

        okHttp = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(80))
                .writeTimeout(Duration.ofSeconds(80)).build();
        client = PingppClient.builder().apiKey(API_KEY).baseUrl(uri).httpClient(okHttp).build();
        unvalidated = PingppClient.builder().apiKey(API_KEY).baseUrl(uri).httpClient(okHttp)
                .preflight(PreflightMode.OFF).build();

        httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        httpClientGet = HttpRequest.newBuilder(uri.resolve("/v1/charges/" + CHARGE_ID))
                .header("Authorization", "Bearer " + API_KEY).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(80)).GET().build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        unvalidated.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Benchmark
    @Group("retrieve")
    public Charge okHttpRetrieve() throws IOException {
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegment("v1").addPathSegment("charges").addPathSegment(CHARGE_ID).build())
                .header("Authorization", "Bearer " + API_KEY)
                .header("Accept", "application/json")
                .build();
        try (Response response = okHttp.newCall(request).execute()) {
            return chargeReader.readValue(response.body().bytes());
        }
    }

    @Benchmark
    @Group("create")
    public Charge okHttpCreate() throws IOException {
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegment("v1").addPathSegment("charges").build())
                .header("Authorization", "Bearer " + API_KEY)
                .header("Accept", "application/json")
                .post(RequestBody.create(requestWriter.writeValueAsBytes(createRequest), JSON))
                .build();
        try (Response response = okHttp.newCall(request).execute()) {
            return chargeReader.readValue(response.body().bytes());
        }
    }

    @Benchmark
    @Group("retrieve")
    public Charge clientRetrieve() {
        return client.charges().retrieve(CHARGE_ID);
    }

    @Benchmark
    @Group("create")
    public Charge clientCreateUnvalidated() {
        return unvalidated.charges().create(createRequest);
    }

    @Benchmark
    @Group("create")
    public Charge clientCreate() {
        return client.charges().create(createRequest);
    }

    @Benchmark
    @Group("retrieve")
    public Charge httpClientRetrieve() throws Exception {
        return chargeReader.readValue(httpClient.send(httpClientGet, HttpResponse.BodyHandlers.ofByteArray()).body());
    }
}
