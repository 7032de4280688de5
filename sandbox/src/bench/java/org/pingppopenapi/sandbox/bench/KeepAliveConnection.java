package org.pingppopenapi.sandbox.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection kept alive across requests, written by hand so the load generator spends as little CPU
 * as possible per request (on a 2-core machine it shares the CPU with the server it measures): responses are parsed
 * in a reused buffer, without allocating. Reads {@code Content-Length} and chunked bodies; reconnects when the
 * server closes.
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection:".getBytes(StandardCharsets.US_ASCII);

    private final URI server;
    private final byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveConnection(URI server) {
        this.server = server;
    }

    /** Sends the request bytes and returns the status of the answer, its body read and dropped. */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException | RuntimeException lost) {
            close();
            throw lost instanceof IOException io ? io : new IOException(lost);
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        start = 0;
        end = 0;
    }

    private int readResponse() throws IOException {
        int lineEnd = lineEnd();
        int status = (buffer[start + 9] - '0') * 100 + (buffer[start + 10] - '0') * 10 + (buffer[start + 11] - '0');
        start = lineEnd + 2;
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        for (lineEnd = lineEnd(); lineEnd > start; lineEnd = lineEnd()) {
            if (startsWithIgnoringCase(CONTENT_LENGTH)) {
                contentLength = number(start + CONTENT_LENGTH.length, lineEnd, 10);
            } else if (startsWithIgnoringCase(TRANSFER_ENCODING)) {
                chunked = contains(lineEnd, "chunked");
            } else if (startsWithIgnoringCase(CONNECTION)) {
                close = contains(lineEnd, "close");
            }
            start = lineEnd + 2;
        }
        start = lineEnd + 2;
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                start = lineEnd() + 2;
            }
            start = lineEnd() + 2;
        } else if (contentLength > 0) {
            skip(contentLength);
        }
        if (close) {
            close();
        }
        return status;
    }

    private long chunkSize() throws IOException {
        int lineEnd = lineEnd();
        int sizeEnd = start;
        while (sizeEnd < lineEnd && buffer[sizeEnd] != ';') {
            sizeEnd++;
        }
        long size = number(start, sizeEnd, 16);
        start = lineEnd + 2;
        return size;
    }

    /** The index of the {@code \r} ending the line that starts at {@code start}, reading more as needed. */
    private int lineEnd() throws IOException {
        int scanned = start;
        while (true) {
            for (int i = scanned; i + 1 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
            }
            scanned = Math.max(start, end - 1);
            int before = start;
            fill();
            scanned -= before - start;
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            if (start == end) {
                fill();
            }
            int taken = (int) Math.min(left, end - start);
            start += taken;
            left -= taken;
        }
    }

    /** Reads more bytes after {@code end}, first moving what is left to the front of the buffer. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            throw new IOException("A response line is longer than " + buffer.length + " bytes");
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            throw new IOException("Connection closed");
        }
        end += read;
    }

    private boolean startsWithIgnoringCase(byte[] lowerCasePrefix) {
        if (end - start < lowerCasePrefix.length) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length; i++) {
            int b = buffer[start + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowerCasePrefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int lineEnd, String lowerCaseWord) {
        return new String(buffer, start, lineEnd - start, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT)
                .contains(lowerCaseWord);
    }

    private long number(int from, int to, int radix) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(buffer[i], radix);
            if (digit >= 0) {
                value = value * radix + digit;
            }
        }
        return value;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
            socket = null;
        }
    }
}
