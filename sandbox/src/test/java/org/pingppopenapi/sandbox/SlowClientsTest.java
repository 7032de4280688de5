package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox serves a request on the selector thread that read it when it arrived whole
 * ({@link org.pingppopenapi.sandbox.http.InlineWhenReceived}); these clients would stall every connection of that
 * selector if it ever waited for them: one whose body is still on its way, one that never reads its answers. While
 * several of each (enough to sit on every selector thread) hang on, other clients are served; then the slow ones
 * get their answers too.
 */
class SlowClientsTest {

    /** More than the selector threads Grizzly starts (one per core), so that each has a slow client. */
    private static final int SLOW_CLIENTS = 2 * Runtime.getRuntime().availableProcessors() + 2;
    /**
     * Answers pipelined per connection that never reads: about 16 MB, more than the socket buffers and Grizzly's
     * default write queue (four times the socket's send buffer) hold together.
     */
    private static final int PIPELINED = 80;
    /** Long enough for a served request on a loaded machine, far shorter than Grizzly's 30 s I/O timeouts. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private static Sandbox sandbox;
    private static String key;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
        key = Fixtures.newKey();
        http = new SandboxHttp(sandbox.baseUri(), key);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aBodyStillOnItsWayHoldsUpNoOneElse() throws IOException {
        List<Socket> slow = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                String body = chargeJson(Fixtures.orderNo());
                Socket socket = connect();
                OutputStream out = socket.getOutputStream();
                String request = chargeRequest(key, body);
                out.write(request.substring(0, request.length() - body.length() / 2).getBytes(StandardCharsets.UTF_8));
                out.flush();
                slow.add(socket);
                bodies.add(body);
            }

            assertOthersAreServed();

            // Every rest is sent before any answer is awaited: with more slow clients than worker threads, some of
            // these requests wait for a worker that only one of the others can free, in whatever order they came.
            for (int i = 0; i < slow.size(); i++) {
                OutputStream out = slow.get(i).getOutputStream();
                String body = bodies.get(i);
                out.write(body.substring(body.length() - body.length() / 2).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            for (Socket socket : slow) {
                assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200").contains("\"object\":\"charge\"");
            }
        } finally {
            closeAll(slow);
        }
    }

    @Test
    void aClientThatReadsNoAnswerHoldsUpNoOneElse() throws IOException {
        String owner = Fixtures.newKey();
        SandboxHttp ownerHttp = new SandboxHttp(sandbox.baseUri(), owner);
        String bulky = "x".repeat(900);
        for (int i = 0; i < 100; i++) {
            SandboxHttp.ok(ownerHttp.postJson("/v1/charges",
                    chargeJson(Fixtures.orderNo()).replace("\"color\":\"red\"", "\"bulk\":\"" + bulky + "\"")));
        }
        // Each answer is a page of 100 charges, about 200 KB; PIPELINED of them per connection are far more than a
        // socket's buffers hold, so the sandbox must keep them queued rather than wait for a reader.
        String request = "GET /v1/charges?app%5Bid%5D=" + Fixtures.APP + "&limit=100 HTTP/1.1\r\nHost: "
                + sandbox.baseUri().getAuthority() + "\r\nAuthorization: " + SandboxHttp.basic(owner) + "\r\n\r\n";
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = connect();
                socket.setReceiveBufferSize(4096);
                OutputStream out = socket.getOutputStream();
                out.write(request.repeat(PIPELINED).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }

            assertOthersAreServed();

            String first = readAnswer(slow.get(0).getInputStream());
            assertThat(first).startsWith("HTTP/1.1 200").contains("\"has_more\":false");
        } finally {
            closeAll(slow);
        }
    }

    /**
     * Requests received whole on new connections, each answered within {@link #PROMPTLY}: bodyless ones by the JDK
     * client, and charges written in one piece. (A body that arrives after its head goes to a worker thread, which
     * the slow bodies above may all hold.)
     */
    private static void assertOthersAreServed() throws IOException {
        for (int i = 0; i < 2 * SLOW_CLIENTS; i++) {
            SandboxHttp.Answer answer = SandboxHttp.send(http.request("/v1/events?limit=1").timeout(PROMPTLY).GET());
            assertThat(answer.status()).isEqualTo(200);
        }
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            try (Socket socket = connect()) {
                socket.setSoTimeout((int) PROMPTLY.toMillis());
                socket.getOutputStream().write(chargeRequest(key, chargeJson(Fixtures.orderNo())).getBytes(StandardCharsets.UTF_8));
                assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200").contains("\"object\":\"charge\"");
            }
        }
    }

    private static String chargeRequest(String apiKey, String body) {
        return "POST /v1/charges HTTP/1.1\r\nHost: " + sandbox.baseUri().getAuthority() + "\r\nAuthorization: "
                + SandboxHttp.basic(apiKey) + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String chargeJson(String orderNo) {
        return "{\"order_no\":\"" + orderNo + "\",\"app\":{\"id\":\"" + Fixtures.APP + "\"},\"channel\":\"upacp\","
                + "\"amount\":100,\"client_ip\":\"127.0.0.1\",\"currency\":\"cny\",\"subject\":\"Your Subject\","
                + "\"body\":\"Your Body\",\"metadata\":{\"color\":\"red\"}}";
    }

    private static Socket connect() throws IOException {
        URI base = sandbox.baseUri();
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout((int) PROMPTLY.toMillis() * 3);
        return socket;
    }

    /** One HTTP/1.1 answer, its body sent with a Content-Length or in chunks, as text. */
    private static String readAnswer(InputStream in) throws IOException {
        String head = readLine(in);
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            head += "\n" + line;
        }
        String headers = head.toLowerCase(java.util.Locale.ROOT);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.contains("\ntransfer-encoding: chunked")) {
            for (int size = Integer.parseInt(readLine(in).trim(), 16); size > 0; size = Integer.parseInt(readLine(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
            readLine(in);
        } else {
            int at = headers.indexOf("\ncontent-length:");
            if (at < 0) {
                throw new IOException("Neither chunked nor with a Content-Length: " + head);
            }
            int end = headers.indexOf('\n', at + 1);
            body.write(in.readNBytes(Integer.parseInt(headers.substring(at + 16, end < 0 ? headers.length() : end).trim())));
        }
        return head + "\n\n" + body.toString(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed within a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
