package org.pingppopenapi.sandbox.http;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Objects;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;

/**
 * Serves every request on the selector thread that read it: {@link BoundedHttp} hands on only whole requests and
 * keeps a connection's write queue to one answer, so serving one never waits for a client, and Grizzly's hand-off to
 * a worker thread (a queue, two thread switches and a selector wake-up per request, as much as creating a charge
 * costs) is saved.
 *
 * <p>It also answers, in the Ping++ error shape, what Grizzly and Jersey would otherwise answer with a bare status or
 * a 500: a request URI or {@code Host} that is no URI (Jersey fails to build the request's URIs), and an
 * {@code Expect} other than {@code 100-continue} (417). {@link WholeRequests} has already told a client that asked
 * {@code Expect: 100-continue} to continue.
 */
public final class ServedInline extends HttpHandler {

    private final HttpHandler delegate;
    private final RequestExecutorProvider sameThread = new RequestExecutorProvider.SameThreadProvider();

    public ServedInline(HttpHandler delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return sameThread;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        try {
            // Grizzly reads the Host header when asked for these, and throws on a port that is no number.
            request.getServerName();
            request.getServerPort();
        } catch (RuntimeException badHost) {
            answer(response, 400, "The Host header must be a host name, optionally with :port.");
            return;
        }
        try {
            delegate.service(request, response);
        } catch (IllegalArgumentException notAUri) {
            if (!(notAUri.getCause() instanceof URISyntaxException reason) || response.isCommitted()) {
                throw notAUri;
            }
            answer(response, 400, "The request URI or Host header is not a valid URI: " + reason.getReason() + ".");
        }
    }

    @Override
    protected boolean sendAcknowledgment(Request request, Response response) throws IOException {
        if ("100-continue".equalsIgnoreCase(request.getHeader(Header.Expect))) {
            return true;
        }
        answer(response, 417, "The only expectation the API meets is Expect: 100-continue.");
        return false;
    }

    private static void answer(Response response, int status, String message) throws IOException {
        byte[] body = HttpErrors.body(status, message);
        response.setStatus(status);
        response.setContentType(HttpErrors.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }
}
