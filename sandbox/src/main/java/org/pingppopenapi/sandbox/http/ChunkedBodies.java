package org.pingppopenapi.sandbox.http;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.ChunkedTransferEncoding;
import org.glassfish.grizzly.http.HttpBrokenContentException;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.ParsingResult;
import org.glassfish.grizzly.http.TransferEncoding;

/**
 * Reads chunked request bodies as RFC 9112 (section 7.1) frames them, chunk extensions ({@code 5;name=value})
 * included, which Grizzly's own decoder refuses although every server must accept them. Answers are still written
 * by Grizzly's encoder.
 *
 * <p>The decoder is a small state machine kept in the request's parsing state (Grizzly recycles it with the
 * request): a chunk-size line, the chunk's bytes, the line end after them, and after the last (empty) chunk the
 * trailer lines, which are read and dropped. A line that has not fully arrived is handed back to Grizzly, which
 * returns it with the next bytes read. Lines are bounded: a chunk-size line at {@value #MAX_SIZE_LINE} bytes, the
 * trailer at the request head limit. Anything else is a malformed body ({@link HttpBrokenContentException}), which
 * the codec answers with 400.
 */
final class ChunkedBodies implements TransferEncoding {

    private static final int SIZE_LINE = 0;
    private static final int DATA = 1;
    private static final int DATA_END = 2;
    private static final int TRAILER = 3;

    /** A chunk size in hex with extensions, generously; a longer line is an attack, not a chunk. */
    static final int MAX_SIZE_LINE = 4096;
    /** 15 hex digits: just under 2^60 bytes, so the size never overflows a long. */
    private static final int MAX_SIZE_DIGITS = 15;

    private final ChunkedTransferEncoding encoder;
    private final int maxTrailerBytes;

    ChunkedBodies(int maxHeadBytes) {
        this.encoder = new ChunkedTransferEncoding(maxHeadBytes);
        this.maxTrailerBytes = maxHeadBytes;
    }

    @Override
    public boolean wantDecode(HttpHeader httpPacket) {
        return httpPacket.isChunked();
    }

    @Override
    public boolean wantEncode(HttpHeader httpPacket) {
        return encoder.wantEncode(httpPacket);
    }

    @Override
    public void prepareSerialize(FilterChainContext ctx, HttpHeader httpHeader, HttpContent content) {
        encoder.prepareSerialize(ctx, httpHeader, content);
    }

    @Override
    public Buffer serializePacket(FilterChainContext ctx, HttpContent httpContent) {
        return encoder.serializePacket(ctx, httpContent);
    }

    @Override
    public ParsingResult parsePacket(FilterChainContext ctx, HttpHeader httpHeader, Buffer buffer) {
        HttpPacketParsing parsing = (HttpPacketParsing) httpHeader;
        HttpCodecFilter.HeaderParsingState state = parsing.getHeaderParsingState();
        HttpCodecFilter.ContentParsingState content = parsing.getContentParsingState();
        int position = buffer.position();
        int limit = buffer.limit();
        while (true) {
            switch (state.state) {
                case SIZE_LINE -> {
                    int lineEnd = indexOfLineFeed(buffer, position, Math.min(limit, position + MAX_SIZE_LINE));
                    if (lineEnd < 0) {
                        if (limit - position >= MAX_SIZE_LINE) {
                            throw new HttpBrokenContentException("A chunk-size line is longer than " + MAX_SIZE_LINE + " bytes");
                        }
                        return waitForMore(buffer, position);
                    }
                    long size = chunkSize(buffer, position, lineEnd);
                    position = lineEnd + 1;
                    content.chunkLength = size;
                    content.chunkRemainder = size;
                    if (size == 0) {
                        content.isLastChunk = true;
                        state.offset = 0;
                        state.state = TRAILER;
                    } else {
                        state.state = DATA;
                    }
                }
                case DATA -> {
                    if (position == limit) {
                        return ParsingResult.create(null, null);
                    }
                    int length = (int) Math.min(limit - position, content.chunkRemainder);
                    Buffer rest = position + length < limit ? buffer.split(position + length) : null;
                    buffer.position(position);
                    content.chunkRemainder -= length;
                    if (content.chunkRemainder == 0) {
                        state.state = DATA_END;
                    }
                    return ParsingResult.create(httpHeader.httpContentBuilder().content(buffer).build(), rest);
                }
                case DATA_END -> {
                    if (position == limit) {
                        return ParsingResult.create(null, null);
                    }
                    byte first = buffer.get(position);
                    if (first == '\r') {
                        if (position + 1 == limit) {
                            return waitForMore(buffer, position);
                        }
                        if (buffer.get(position + 1) != '\n') {
                            throw new HttpBrokenContentException("A chunk's data is longer than its size says");
                        }
                        position += 2;
                    } else if (first == '\n') {
                        position += 1;
                    } else {
                        throw new HttpBrokenContentException("A chunk's data is longer than its size says");
                    }
                    state.state = SIZE_LINE;
                }
                case TRAILER -> {
                    int lineEnd = indexOfLineFeed(buffer, position, limit);
                    if (lineEnd < 0) {
                        if (state.offset + (limit - position) > maxTrailerBytes) {
                            throw new HttpBrokenContentException("The chunked body's trailer is longer than " + maxTrailerBytes + " bytes");
                        }
                        return waitForMore(buffer, position);
                    }
                    int lineLength = lineEnd - position;
                    state.offset += lineLength + 1;
                    if (state.offset > maxTrailerBytes) {
                        throw new HttpBrokenContentException("The chunked body's trailer is longer than " + maxTrailerBytes + " bytes");
                    }
                    boolean empty = lineLength == 0 || lineLength == 1 && buffer.get(position) == '\r';
                    position = lineEnd + 1;
                    if (empty) {
                        Buffer rest = position < limit ? buffer.split(position) : null;
                        return ParsingResult.create(httpHeader.httpTrailerBuilder().build(), rest);
                    }
                }
                default -> throw new IllegalStateException("Unknown chunk parsing state " + state.state);
            }
        }
    }

    /** Hands the unread bytes back, to be read again with the next ones that arrive. */
    private static ParsingResult waitForMore(Buffer buffer, int position) {
        if (position == buffer.limit()) {
            return ParsingResult.create(null, null);
        }
        buffer.position(position);
        return ParsingResult.create(null, buffer);
    }

    private static int indexOfLineFeed(Buffer buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** {@code chunk-size [ws] [; extensions] [CR]}: hex digits, then anything after a {@code ;} is an extension. */
    private static long chunkSize(Buffer buffer, int from, int lineFeed) {
        long size = 0;
        int digits = 0;
        int i = from;
        for (; i < lineFeed; i++) {
            int digit = Character.digit(buffer.get(i) & 0xFF, 16);
            if (digit < 0) {
                break;
            }
            if (++digits > MAX_SIZE_DIGITS) {
                throw new HttpBrokenContentException("A chunk size has more than " + MAX_SIZE_DIGITS + " hex digits");
            }
            size = size << 4 | digit;
        }
        if (digits == 0) {
            throw new HttpBrokenContentException("A chunk-size line does not start with a hex number");
        }
        for (; i < lineFeed; i++) {
            byte b = buffer.get(i);
            if (b == ';') {
                return size;
            }
            if (b != ' ' && b != '\t' && !(b == '\r' && i == lineFeed - 1)) {
                throw new HttpBrokenContentException("A chunk size is followed by something that is no extension");
            }
        }
        return size;
    }
}
