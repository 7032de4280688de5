package org.pingppopenapi.sandbox.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.pingppopenapi.server.PingppErrorException;
import org.pingppopenapi.server.model.ErrorDetail;

/**
 * Reads every request body to the end before routing. The body limit of the server stubs counts bytes as they are
 * read; a body sent without {@code Content-Length} that passed the limit inside the JSON parser surfaced there as a
 * malformed value (400). Read here, it is refused as too large (413), as it should be. Bodies are small (the limit
 * is 1 MiB by default), so holding one in memory costs nothing worth saving.
 *
 * <p>A body is what the request declares, as HTTP/1.1 frames it: {@code Content-Length} bytes, or a chunked body.
 * Reading "until the end" instead hangs on a request that asks to upgrade to HTTP/2 ({@code Upgrade: h2c}, sent by
 * the JDK's HTTP client by default), whose stream Grizzly leaves open past the request: the server stubs' signature
 * filter does that, so this filter runs before it (and after the body limit) and hands it the bytes read here.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 150)
public final class WholeBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        byte[] bytes = new byte[0];
        if (declaresBody(request)) {
            InputStream body = request.getEntityStream();
            String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            bytes = length != null ? body.readNBytes(declaredLength(length)) : body.readAllBytes();
        }
        request.setEntityStream(new ByteArrayInputStream(bytes));
    }

    private static int declaredLength(String contentLength) {
        try {
            int length = Integer.parseInt(contentLength.strip());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException notAnInt) {
            // Answered below.
        }
        throw new PingppErrorException(400, ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR,
                "Content-Length must be a number of bytes.", null, null);
    }

    /**
     * Whether the request carries a body: a {@code Content-Length} above 0 (the limit filter has already refused a
     * length above the limit or not a number), or {@code Transfer-Encoding}.
     */
    static boolean declaresBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
