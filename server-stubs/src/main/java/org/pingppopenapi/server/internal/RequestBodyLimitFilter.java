package org.pingppopenapi.server.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.pingppopenapi.server.PingppErrorException;

/**
 * Answers 413 with the Ping++ error body when a request body is larger than the limit: at once when
 * {@code Content-Length} says so, otherwise as soon as reading the body passes the limit. Ping++ requests are
 * small; the limit keeps a client from making the server buffer (to check a signature) or parse an unbounded body.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
public final class RequestBodyLimitFilter implements ContainerRequestFilter {

    private final long maxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("The request body limit must be at least 1 byte, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isLargerThanLimit(declared.strip())) {
            request.abortWith(ErrorResponses.of(tooLarge()));
            return;
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
    }

    private boolean isLargerThanLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength) > maxBytes;
        } catch (NumberFormatException tooLongForALong) {
            return contentLength.chars().allMatch(Character::isDigit);
        }
    }

    private PingppErrorException tooLarge() {
        return ErrorResponses.invalidRequest(413, "The request body is larger than " + maxBytes + " bytes.");
    }

    /** Throws the 413 error once more than the limit has been read. */
    private final class LimitedInputStream extends FilterInputStream {

        private long remaining;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long bytes) {
            remaining -= bytes;
            if (remaining < 0) {
                throw tooLarge();
            }
        }
    }
}
