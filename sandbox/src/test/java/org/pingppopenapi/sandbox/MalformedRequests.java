package org.pingppopenapi.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Requests broken at the HTTP level, reproducibly from a seed and an index, each with the statuses its kind must be
 * answered with: the request line, the version, {@code Host}, the number and size of headers, {@code Content-Type},
 * {@code Accept}, {@code Content-Length}, chunked framing, and bodies past the JSON reader's limits, through JSON and
 * through forms. One kind is well-formed but unusual (chunk extensions, which HTTP/1.1 allows) and must be served.
 * Every request is complete as sent: none leaves the server waiting for more bytes.
 */
final class MalformedRequests {

    /** A kind of breakage: its name, how often it is drawn, the statuses it must get, and how to make one. */
    record Kind(String name, int weight, Set<Integer> statuses, BiFunction<MalformedRequests, Random, byte[]> maker) {
    }

    /** A request as sent, its kind and its number. */
    record Malformed(Kind kind, int index, byte[] bytes) {

        String shown() {
            String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1)
                    .replace("\r", "\\r").replace("\n", "\\n");
            return "#" + index + " " + kind.name() + " (" + bytes.length + " bytes): " + text;
        }
    }

    private static final String JSON_TYPE = "Content-Type: application/json\r\n";
    private static final String[] BAD_ESCAPES = {"%zz", "%", "%G1", "%4", "%%", "%u4e2d"};
    private static final String[] ILLEGAL_URI_CHARS = {"|", "^", "{", "}", "`", "\\", "<", ">", "\""};
    /** Request lines that cannot be read. (Grizzly reads runs of spaces or tabs between the parts, and no version, fine.) */
    private static final String[] BAD_REQUEST_LINES = {"GET /v1/ev ents HTTP/1.1", "GET /v1/events HTTP/1.1 extra",
        "GET /v1/events HTTP/", "GET /v1/events http/1.1", "GET /v1/events?a b HTTP/1.1"};
    private static final String[] BAD_VERSIONS = {"HTTP/9.9", "HTTP/1.2", "HTTP/3", "HTTPS/1.1", "HTTP/01.1", "HTTP/1.1.1",
        "FTP/1.0", "HTTP/1"};
    private static final String[] BAD_HOSTS = {"[::x", "host:port:port", "ho st", "[::1", "exa mple.com:80", "%zz",
        "host:-1x"};
    private static final String[] BAD_MEDIA_TYPES = {"foo", "/", ";", "", "application/json, text/plain", "json/",
        "/json", "application/json; charset", "text/plain; =x", "a/b/c", "application /json"};
    private static final String[] BAD_LENGTHS = {"abc", "-1", "1e3", "0x10", "99999999999999999999999", "1 2", "+5"};
    private static final String[] BAD_CHUNKS = {"zz\r\n{}\r\n0\r\n\r\n", "2\r\n{}}\r\n0\r\n\r\n", "-2\r\n{}\r\n0\r\n\r\n",
        "2 x\r\n{}\r\n0\r\n\r\n", "\r\n\r\n", "1234567890123456789\r\nx\r\n0\r\n\r\n", "2\r\n{}XX0\r\n\r\n",
        "0x2\r\n{}\r\n0\r\n\r\n"};

    static final List<Kind> KINDS = List.of(
            new Kind("bad %-escape in the path or query", 10, Set.of(400), MalformedRequests::badEscape),
            new Kind("illegal character in the path", 10, Set.of(400), MalformedRequests::illegalCharacter),
            new Kind("malformed request line", 8, Set.of(400), (self, random) ->
                    self.head(pick(random, BAD_REQUEST_LINES), "", "")),
            new Kind("random method and path", 6, Set.of(404, 405), (self, random) ->
                    self.head(token(random, 1 + random.nextInt(12)) + " /" + token(random, random.nextInt(30)) + " HTTP/1.1", "", "")),
            new Kind("unknown HTTP version", 6, Set.of(400), (self, random) ->
                    self.head("GET /v1/events " + pick(random, BAD_VERSIONS), "", "")),
            new Kind("HTTP/1.1 without Host", 4, Set.of(400), (self, random) ->
                    bytes("GET /v1/events HTTP/1.1\r\n" + self.authorization + "Connection: close\r\n\r\n")),
            new Kind("malformed Host", 6, Set.of(400), (self, random) ->
                    bytes("GET /v1/events HTTP/1.1\r\nHost: " + pick(random, BAD_HOSTS) + "\r\n" + self.authorization
                            + "Connection: close\r\n\r\n")),
            new Kind("over 100 headers", 3, Set.of(431), (self, random) -> {
                StringBuilder headers = new StringBuilder();
                for (int i = 0, n = 101 + random.nextInt(400); i < n; i++) {
                    headers.append("X-Header-").append(i).append(": v\r\n");
                }
                return self.head("GET /v1/events HTTP/1.1", headers.toString(), "");
            }),
            new Kind("request head over 64 KiB", 1, Set.of(431), (self, random) -> random.nextBoolean()
                    ? self.head("GET /v1/events HTTP/1.1", "X-Big: " + "a".repeat(66_000 + random.nextInt(40_000)) + "\r\n", "")
                    : self.head("GET /v1/charges/" + "c".repeat(66_000 + random.nextInt(40_000)) + " HTTP/1.1", "", "")),
            new Kind("unreadable Content-Type", 10, Set.of(415), (self, random) ->
                    self.head("POST /v1/charges HTTP/1.1", "Content-Type: " + pick(random, BAD_MEDIA_TYPES) + "\r\n",
                            self.charge(random))),
            new Kind("unreadable Accept", 5, Set.of(406), (self, random) ->
                    self.head("GET /v1/events HTTP/1.1", "Accept: " + pick(random, new String[] {";;", "/", ",;", "a/b/c", ";q=1"})
                            + "\r\n", "")),
            new Kind("conflicting or malformed Content-Length", 8, Set.of(400), (self, random) -> {
                String body = self.charge(random);
                String lengths = random.nextBoolean() ? "Content-Length: " + pick(random, BAD_LENGTHS) + "\r\n"
                        : "Content-Length: " + body.length() + "\r\nContent-Length: " + (body.length() + 1 + random.nextInt(9)) + "\r\n";
                return bytes("POST /v1/charges HTTP/1.1\r\nHost: sandbox\r\n" + self.authorization + JSON_TYPE + lengths
                        + "Connection: close\r\n\r\n" + body);
            }),
            new Kind("malformed chunked body", 8, Set.of(400), (self, random) ->
                    bytes("POST /v1/charges HTTP/1.1\r\nHost: sandbox\r\n" + self.authorization + JSON_TYPE
                            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + pick(random, BAD_CHUNKS))),
            new Kind("chunk extensions (legal: served)", 6, Set.of(200), MalformedRequests::chunkExtensions),
            new Kind("JSON nested over 500 deep", 6, Set.of(400), (self, random) -> {
                int depth = 501 + random.nextInt(1500);
                String json = random.nextBoolean() ? "{\"metadata\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}"
                        : "{\"extra\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
                return self.head("POST /v1/charges HTTP/1.1", JSON_TYPE, json);
            }),
            new Kind("JSON number of over 1000 digits", 6, Set.of(400), (self, random) ->
                    self.head("POST /v1/charges HTTP/1.1", JSON_TYPE, self.charge(random).replace("\"amount\":100",
                            "\"amount\":" + "9".repeat(1001 + random.nextInt(3000))))),
            new Kind("JSON name of over 50,000 characters", 3, Set.of(400), (self, random) ->
                    self.head("POST /v1/charges HTTP/1.1", JSON_TYPE, "{\"" + "k".repeat(50_001 + random.nextInt(20_000)) + "\":1}")),
            new Kind("form name of over 50,000 characters", 3, Set.of(400), (self, random) ->
                    self.head("POST /v1/charges HTTP/1.1", "Content-Type: application/x-www-form-urlencoded\r\n",
                            "k".repeat(50_001 + random.nextInt(20_000)) + "=1&amount=1")),
            new Kind("Expect other than 100-continue", 3, Set.of(417), (self, random) ->
                    bytes("POST /v1/charges HTTP/1.1\r\nHost: sandbox\r\n" + self.authorization + JSON_TYPE
                            + "Expect: " + pick(random, new String[] {"200-ok", "100-continue-please", "x"}) + "\r\n"
                            + "Content-Length: 0\r\nConnection: close\r\n\r\n")),
            new Kind("header line without a colon (ignored)", 3, Set.of(200), (self, random) ->
                    self.head("GET /v1/events HTTP/1.1", "NoColonHere\r\n", "")));

    private static final int TOTAL_WEIGHT = KINDS.stream().mapToInt(Kind::weight).sum();

    private final long seed;
    private final String authorization;

    MalformedRequests(long seed, String apiKey) {
        this.seed = seed;
        this.authorization = "Authorization: " + SandboxHttp.basic(apiKey) + "\r\n";
    }

    /** Request number {@code index} of this seed. */
    Malformed request(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        int draw = random.nextInt(TOTAL_WEIGHT);
        for (Kind kind : KINDS) {
            draw -= kind.weight();
            if (draw < 0) {
                return new Malformed(kind, index, kind.maker().apply(this, random));
            }
        }
        throw new IllegalStateException("The weights add up to " + TOTAL_WEIGHT);
    }

    private static byte[] badEscape(MalformedRequests self, Random random) {
        String escape = pick(random, BAD_ESCAPES);
        String target = random.nextBoolean() ? "/v1/charges/ch_" + escape + "x"
                : "/v1/charges?app%5Bid%5D=" + escape + "&limit=" + random.nextInt(10);
        return self.head("GET " + target + " HTTP/1.1", "", "");
    }

    private static byte[] illegalCharacter(MalformedRequests self, Random random) {
        String character = pick(random, ILLEGAL_URI_CHARS);
        String target = "/v1/charges/ch_" + character + "x";
        return self.head("GET " + target + " HTTP/1.1", "", "");
    }

    private static byte[] chunkExtensions(MalformedRequests self, Random random) {
        byte[] body = self.charge(random).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("POST /v1/charges HTTP/1.1\r\nHost: sandbox\r\n" + self.authorization + JSON_TYPE
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int at = 0; at < body.length; ) {
            int size = Math.min(body.length - at, 1 + random.nextInt(60));
            String extension = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> ";ext=" + random.nextInt(100);
                case 2 -> ";name=\"quoted;value\"";
                default -> " ;a;b=c";
            };
            out.writeBytes((Integer.toHexString(size) + extension + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, size);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            at += size;
        }
        out.writeBytes(("0" + (random.nextBoolean() ? ";last" : "") + "\r\n" + (random.nextBoolean() ? "X-Trailer: t\r\n" : "")
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A request with this line, extra header lines, the body (with its length) and {@code Connection: close}. */
    private byte[] head(String requestLine, String headers, String body) {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        String head = requestLine + "\r\nHost: sandbox\r\n" + authorization + headers
                + (payload.length > 0 ? "Content-Length: " + payload.length + "\r\n" : "") + "Connection: close\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** A valid UnionPay charge, its order number unique to the seed and the draw. */
    private String charge(Random random) {
        return "{\"order_no\":\"" + (10_000_000_000L + Math.floorMod(seed * 31 + random.nextLong(), 89_999_999_999L))
                + "\",\"app\":{\"id\":\"" + Fixtures.APP + "\"},\"channel\":\"upacp\",\"amount\":100,\"client_ip\":\"127.0.0.1\","
                + "\"currency\":\"cny\",\"subject\":\"Your Subject\",\"body\":\"Your Body\"}";
    }

    /** Letters, digits and the punctuation a request target allows, no spaces: a token Grizzly reads as one part. */
    private static String token(Random random, int length) {
        String characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(characters.charAt(random.nextInt(characters.length())));
        }
        return token.toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
