package org.pingppopenapi.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.nio.transport.TCPNIOConnection;
import org.pingppopenapi.server.PingppJson;
import org.pingppopenapi.server.model.Error;
import org.pingppopenapi.server.model.ErrorDetail;

/**
 * The Ping++ error body, and whole HTTP answers carrying it, for the rejections the HTTP layer makes itself before a
 * request reaches the application: the same {@code {"error":{"type","message","code","param"}}} the application
 * answers with, so a client reads every refusal the same way.
 */
public final class HttpErrors {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper JSON = PingppJson.newObjectMapper();
    private static final long LINGER_MILLIS = 2_000;
    private static final ScheduledExecutorService LINGER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sandbox-lingering-close");
        thread.setDaemon(true);
        return thread;
    });

    private HttpErrors() {
    }

    /** The error body; a 5xx is an {@code api_error}, anything else an {@code invalid_request_error}. */
    public static byte[] body(int status, String message) {
        ErrorDetail.TypeEnum type = status >= 500 ? ErrorDetail.TypeEnum.API_ERROR : ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR;
        try {
            return JSON.writeValueAsBytes(new Error(new ErrorDetail(type, message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error body is always writable", e);
        }
    }

    /**
     * Answers on the connection with the error, whatever its request, and closes it once the answer is written: what
     * is left of the request on the wire cannot be told apart from a next request.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void answerAndClose(Connection<?> connection, int status, String message) {
        ((Connection) connection).write(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, closingAnswer(status, message)),
                new EmptyCompletionHandler() {
                    @Override
                    public void completed(Object result) {
                        lingeringClose(connection);
                    }

                    @Override
                    public void failed(Throwable cause) {
                        connection.closeSilently();
                    }
                });
    }

    /**
     * Closes after the answer, without losing it: a client still sending a body the answer refused (413) would get a
     * reset for the unread bytes of an immediate close, which can destroy the answer before it is read. So the sending
     * side is shut first, what still arrives is read and dropped (the refused request stays attached, finished), and
     * the connection closes {@value #LINGER_MILLIS} ms later.
     */
    private static void lingeringClose(Connection<?> connection) {
        if (connection instanceof TCPNIOConnection tcp && tcp.getChannel() instanceof SocketChannel channel) {
            try {
                channel.shutdownOutput();
                LINGER.schedule(connection::closeSilently, LINGER_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (IOException | RuntimeException e) {
                // Closed meanwhile: close now.
            }
        }
        connection.closeSilently();
    }

    /** A whole HTTP/1.1 answer with the error body that tells the client the connection closes. */
    static byte[] closingAnswer(int status, String message) {
        byte[] body = body(status, message);
        String head = "HTTP/1.1 " + status + " " + HttpStatus.getHttpStatus(status).getReasonPhrase() + "\r\n"
                + "Content-Type: " + CONTENT_TYPE + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
        byte[] answer = new byte[head8.length + body.length];
        System.arraycopy(head8, 0, answer, 0, head8.length);
        System.arraycopy(body, 0, answer, head8.length, body.length);
        return answer;
    }
}
