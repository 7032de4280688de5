package org.pingppopenapi.server;

import java.util.Objects;
import org.pingppopenapi.server.model.ErrorDetail;

/**
 * An error answered with the Ping++ error body {@code {"error":{"type","message","code","param"}}}.
 *
 * <p>Throw it from a resource method (or a filter) when {@link PingppProviders} is registered; the response
 * carries exactly the status and fields given here. The message is sent to the client as it is: put nothing
 * secret in it.
 */
public class PingppErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The code of a parameter that is missing or invalid (the code the official Java SDK uses). */
    public static final String REQUEST_PARAM_ERROR = "request_param_error";

    private final int status;
    private final ErrorDetail.TypeEnum type;
    private final String code;
    private final String param;

    /**
     * @param status  the HTTP status, 400 to 599
     * @param type    the error type of the spec's {@code ErrorDetail}
     * @param message a human-readable description, sent as it is
     * @param code    the error code, or null
     * @param param   the parameter at fault (a field path such as {@code extra.terminal_id}), or null
     */
    public PingppErrorException(int status, ErrorDetail.TypeEnum type, String message, String code, String param) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An error status is 400 to 599, not " + status);
        }
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.code = code;
        this.param = param;
    }

    /** 400 {@code invalid_request_error}, code {@value #REQUEST_PARAM_ERROR}: a parameter is missing or invalid. */
    public static PingppErrorException invalidParameter(String param, String message) {
        return new PingppErrorException(400, ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR, message, REQUEST_PARAM_ERROR,
                Objects.requireNonNull(param, "param"));
    }

    /** 404 {@code invalid_request_error} "No such charge: ch_..." with {@code param: id}, as Ping++ answers. */
    public static PingppErrorException noSuchObject(String objectName, String id) {
        return new PingppErrorException(404, ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR,
                "No such " + objectName + ": " + id, null, "id");
    }

    /**
     * 402 {@code invalid_request_error}: the request was well-formed but cannot be carried out, such as
     * refunding more than was paid.
     */
    public static PingppErrorException requestFailed(String code, String message) {
        return new PingppErrorException(402, ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR, message, code, null);
    }

    public int status() {
        return status;
    }

    public ErrorDetail.TypeEnum type() {
        return type;
    }

    /** The error code, or null. */
    public String code() {
        return code;
    }

    /** The parameter at fault, or null. */
    public String param() {
        return param;
    }
}
