package org.pingppopenapi.sandbox.http;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.TransferEncoding;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP/1.1 codec, with every request it cannot read answered in the Ping++ error shape and a 4xx instead
 * of a bare 400 or 505: a malformed request line, an HTTP version other than 1.0 and 1.1, a missing {@code Host},
 * conflicting or malformed {@code Content-Length}s, a request head over its limit or with too many headers (431),
 * a malformed chunked body. The connection closes after such an answer. Chunked bodies are read by
 * {@link ChunkedBodies}, which accepts chunk extensions, and requests asking to upgrade the protocol are read as
 * HTTP/1.1.
 */
final class PingppHttpCodec extends HttpServerFilter {

    private static final String MESSAGE = PingppHttpCodec.class.getName() + ".message";

    private PingppHttpCodec(int maxHeadBytes, KeepAlive keepAlive, int maxRequestHeaders, int maxResponseHeaders) {
        super(true, maxHeadBytes, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
    }

    /** A codec configured as {@code original}, which it replaces in a listener's filter chain. */
    static PingppHttpCodec replacing(HttpServerFilter original, int maxHeadBytes, KeepAlive keepAlive, int maxRequestHeaders,
            int maxResponseHeaders) {
        PingppHttpCodec codec = new PingppHttpCodec(maxHeadBytes, keepAlive, maxRequestHeaders, maxResponseHeaders);
        for (ContentEncoding encoding : original.getContentEncodings()) {
            codec.addContentEncoding(encoding);
        }
        codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        codec.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        for (TransferEncoding encoding : codec.getTransferEncodings()) {
            if (encoding.getClass() == org.glassfish.grizzly.http.ChunkedTransferEncoding.class) {
                codec.removeTransferEncoding(encoding);
            }
        }
        codec.addTransferEncoding(new ChunkedBodies(maxHeadBytes));
        return codec;
    }

    /**
     * Reads a request that asks to upgrade ({@code Upgrade: h2c}, as the JDK's HTTP client asks by default) as the
     * HTTP/1.1 request it also is: the sandbox upgrades to nothing, so its body is framed by its headers as any
     * other's. (Grizzly would pass everything after the head on unframed, for the new protocol.)
     */
    @Override
    protected void onIncomingUpgrade(FilterChainContext ctx, HttpHeader httpHeader) {
        // Not upgraded.
    }

    @Override
    protected void onHttpHeaderError(HttpHeader httpHeader, FilterChainContext ctx, Throwable t) throws IOException {
        HttpRequestPacket request = (HttpRequestPacket) httpHeader;
        HttpResponsePacket response = request.getResponse();
        String problem = describe(request, t);
        if (problem.startsWith("431 ")) {
            response.setStatus(431);
            response.setReasonPhrase("Request Header Fields Too Large");
            problem = problem.substring(4);
        } else {
            response.setStatus(400);
            response.setReasonPhrase("Bad Request");
        }
        request.getAttributes().setAttribute(MESSAGE, problem);
        super.onHttpHeaderError(httpHeader, ctx, t);
    }

    @Override
    protected void onHttpContentError(HttpHeader httpHeader, FilterChainContext ctx, Throwable t) throws IOException {
        httpHeader.getAttributes().setAttribute(MESSAGE, "The request body cannot be read: "
                + (t.getMessage() == null ? "it is not framed as its headers say." : t.getMessage() + "."));
        super.onHttpContentError(httpHeader, ctx, t);
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        Object message = response.getRequest().getAttributes().getAttribute(MESSAGE);
        byte[] body = HttpErrors.body(response.getStatus(), message != null ? message.toString()
                : "The HTTP request cannot be read (" + response.getStatus() + ").");
        // The codec writes this answer as already committed, from its headers as they stand: set them as headers.
        response.getHeaders().setValue(Header.ContentType).setString(HttpErrors.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getHeaders().setValue(Header.Connection).setString("close");
        return HttpContent.builder(response)
                .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true)
                .build();
    }

    /** What is wrong with a request head Grizzly could not accept, for the client; "431 " first when it is too big. */
    private static String describe(HttpRequestPacket request, Throwable t) {
        String reason = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof MimeHeaders.MaxHeaderCountExceededException) {
            return "431 The request has too many headers.";
        }
        if (reason.contains("too large")) {
            return "431 The request line and headers are too long.";
        }
        if (t instanceof NumberFormatException) {
            return "Content-Length must be a number of bytes.";
        }
        if (request.getResponse().getStatus() == 505) {
            return "The request line must read METHOD /path HTTP/1.1 (or HTTP/1.0), with single spaces.";
        }
        HttpPacketParsing parsing = (HttpPacketParsing) request;
        if (parsing.getHeaderParsingState().contentLengthsDiffer) {
            return "The request has Content-Length headers that differ.";
        }
        if (parsing.isHeaderParsed() || reason.equals("Bad HTTP headers")) {
            if (request.getHeader(Header.Host) == null) {
                return "An HTTP/1.1 request needs a Host header.";
            }
            if (request.getContentLength() > 0 || request.isChunked()) {
                return "This request method takes no body.";
            }
        }
        return "The HTTP request line or headers cannot be read.";
    }
}
