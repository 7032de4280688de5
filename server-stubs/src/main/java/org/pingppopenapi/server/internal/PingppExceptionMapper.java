package org.pingppopenapi.server.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ParamException;
import org.pingppopenapi.server.PingppErrorException;

/**
 * Answers every other failure with the Ping++ error body and the status that fits it, never with a stack trace
 * or an HTML page:
 * <ul>
 *   <li>{@link PingppErrorException}: exactly what it says;</li>
 *   <li>a body that is not JSON, or JSON past Jackson's read limits (numbers of over 1000 digits, names of over
 *       50,000 characters, nesting over 500 deep): 400; JSON with a value of the wrong type, a missing required
 *       field or a value outside an enum: 400 with the field as {@code param};</li>
 *   <li>a query or path parameter that cannot be converted ({@code limit=ten}): 400 with its name;</li>
 *   <li>no such route: 404; a route without that method: 405 with {@code Allow}; a body that is not
 *       {@code application/json}: 415; an {@code Accept} the API cannot answer: 406;</li>
 *   <li>anything unexpected: 500 {@code api_error} with a fixed message; the exception goes to the log only.</li>
 * </ul>
 */
public final class PingppExceptionMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(PingppExceptionMapper.class.getName());

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        PingppErrorException answered = within(exception, PingppErrorException.class);
        StreamConstraintsException tooBig = within(exception, StreamConstraintsException.class);
        if (answered != null) {
            return ErrorResponses.of(answered);
        } else if (tooBig != null) {
            return ErrorResponses.of(ErrorResponses.invalidRequest(400, "The request body is too large to read as JSON: "
                    + constraint(tooBig) + "."));
        } else if (exception instanceof StreamReadException notJson) {
            return ErrorResponses.of(ErrorResponses.invalidRequest(400,
                    "The request body is not valid JSON" + where(notJson.getLocation()) + "."));
        } else if (exception instanceof JsonMappingException wrongShape) {
            return ErrorResponses.of(bodyMismatch(wrongShape));
        } else if (exception instanceof ParamException unconvertible) {
            return ErrorResponses.of(PingppErrorException.invalidParameter(unconvertible.getParameterName(),
                    unconvertible.getParameterName() + " has a value of the wrong type or format"));
        } else if (exception instanceof NotFoundException) {
            return ErrorResponses.of(ErrorResponses.invalidRequest(404,
                    "Unrecognized request URL (" + method() + ": " + path() + ")."));
        } else if (exception instanceof NotAllowedException notAllowed) {
            Set<String> allowed = new TreeSet<>(notAllowed.getResponse().getAllowedMethods());
            return ErrorResponses.builder(ErrorResponses.invalidRequest(405,
                            "Method " + method() + " is not allowed on " + path() + "; allowed: " + String.join(", ", allowed) + "."))
                    .allow(allowed)
                    .build();
        } else if (exception instanceof NotSupportedException) {
            return ErrorResponses.of(ErrorResponses.invalidRequest(415, "Content-Type " + contentType()
                    + " is not supported: send the request body as application/json."));
        } else if (exception instanceof NotAcceptableException) {
            return ErrorResponses.of(ErrorResponses.invalidRequest(406, "The API answers in application/json only."));
        } else if (exception instanceof BadRequestException && exception.getCause() instanceof NoContentException) {
            return ErrorResponses.of(ErrorResponses.invalidRequest(400, "The request body is required: send the parameters as a JSON object."));
        } else if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return ErrorResponses.of(ErrorResponses.invalidRequest(status.getStatusCode(), status.getReasonPhrase() + "."));
        }
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure of " + method() + " " + path() + "; answering 500", exception);
        int status = exception instanceof WebApplicationException web ? web.getResponse().getStatus() : 500;
        return ErrorResponses.of(ErrorResponses.serverError(status));
    }

    /**
     * The exception itself when it is of the kind, or one it wraps: the body limit throws a {@link PingppErrorException}
     * from inside the body's input stream, and Jackson reports a broken read limit while reading a field, each wrapped
     * by Jackson as a mapping failure of the field it was reading.
     */
    private static <T extends Throwable> T within(Throwable exception, Class<T> kind) {
        Throwable cause = exception;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return kind.cast(cause);
            }
        }
        return null;
    }

    private static PingppErrorException bodyMismatch(JsonMappingException exception) {
        String param = jsonPath(exception.getPath());
        if (param == null) {
            return ErrorResponses.invalidRequest(400, "The request body must be a JSON object of the operation's parameters.");
        }
        String problem;
        if (exception instanceof MismatchedInputException missing
                && missing.getOriginalMessage() != null
                && missing.getOriginalMessage().startsWith("Missing required creator property")) {
            problem = "is required";
        } else if (exception instanceof ValueInstantiationException
                || exception instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            problem = "has a value that is not allowed";
        } else {
            problem = "has a value of the wrong type";
        }
        return PingppErrorException.invalidParameter(param, param + " " + problem);
    }

    /** The JSON path of a Jackson reference chain: {@code extra.goods_list[0].price}; null for the root. */
    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /**
     * Jackson's description of the read constraint the body broke (a number of over 1000 digits, a name of over
     * 50,000 characters, nesting over 500 deep), without its advice on configuring Jackson.
     */
    private static String constraint(StreamConstraintsException exception) {
        String message = exception.getOriginalMessage();
        if (message == null) {
            return "it breaks a limit";
        }
        int advice = message.indexOf(" (from `");
        if (advice < 0) {
            advice = message.indexOf(", from `");
        }
        String limit = advice < 0 ? message : message.substring(0, advice);
        return Character.toLowerCase(limit.charAt(0)) + limit.substring(1) + (limit.endsWith(")") || advice < 0 ? "" : ")");
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return String.format(Locale.ROOT, " (line %d, column %d)", location.getLineNr(), location.getColumnNr());
    }

    private String method() {
        return request == null ? "?" : request.getMethod();
    }

    private String path() {
        return uriInfo == null ? "?" : uriInfo.getRequestUri().getRawPath();
    }

    private String contentType() {
        String type = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return type == null ? "(none)" : type;
    }
}
