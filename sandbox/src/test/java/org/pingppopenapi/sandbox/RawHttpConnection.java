package org.pingppopenapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection over a plain socket, for requests no HTTP client library would send: malformed, pipelined,
 * half-sent, never read. Answers are read one at a time, framed by {@code Content-Length} or chunks.
 */
final class RawHttpConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawHttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    /** A connection whose reads give up after {@code readTimeout}: a deadlock guard, never a measure. */
    static RawHttpConnection open(URI base, Duration readTimeout) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout((int) readTimeout.toMillis());
        return new RawHttpConnection(socket);
    }

    /** Like {@link #open}, with a small receive buffer: a client that reads slowly, or not at all. */
    static RawHttpConnection openReadingNothing(URI base, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout((int) readTimeout.toMillis());
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
        return new RawHttpConnection(socket);
    }

    RawHttpConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    RawHttpConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next answer; 1xx interim answers are skipped. */
    Answer readAnswer() throws IOException {
        while (true) {
            String statusLine = readLine();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("Not an HTTP/1.x status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            if (status >= 100 && status < 200) {
                continue;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = chunkSize(readLine()); size > 0; size = chunkSize(readLine())) {
                    body.write(in.readNBytes(size));
                    readLine();
                }
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // Trailers are not used.
                }
            } else if (headers.containsKey("content-length")) {
                int length = Integer.parseInt(headers.get("content-length"));
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length) {
                    throw new IOException("The answer ended after " + bytes.length + " of " + length + " bytes: " + statusLine);
                }
                body.write(bytes);
            } else {
                throw new IOException("An answer framed neither by Content-Length nor in chunks: " + statusLine + " " + headers);
            }
            return new Answer(status, headers, body.toByteArray());
        }
    }

    /** The status of the next answer, read up to its blank line: for a 1xx, which has no body. */
    int readInterimStatus() throws IOException {
        String statusLine = readLine();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            // Interim answers carry no headers the tests use.
        }
        return Integer.parseInt(statusLine.split(" ", 3)[1]);
    }

    /** Whether no byte of an answer has arrived so far (checked without waiting). */
    boolean nothingAnsweredYet() throws IOException {
        return in.available() == 0;
    }

    /** Whether the server closed the connection: the next read finds its end. */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private static int chunkSize(String line) {
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The connection closed within a line: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** An answer: status, headers (lower-case names), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        /** The Ping++ error body: JSON {@code {"error":{"type","message","code","param"}}}. */
        boolean isPingppError() {
            if (!headers.getOrDefault("content-type", "").startsWith("application/json")) {
                return false;
            }
            try {
                JsonNode error = json().get("error");
                return error != null && error.path("type").isTextual() && error.path("message").isTextual()
                        && error.has("code") && error.has("param");
            } catch (IOException notJson) {
                return false;
            }
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }
}
