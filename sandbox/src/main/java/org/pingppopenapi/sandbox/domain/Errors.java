package org.pingppopenapi.sandbox.domain;

import org.pingppopenapi.server.PingppErrorException;
import org.pingppopenapi.server.model.ErrorDetail;

/** The Ping++ errors the sandbox answers with, in one place so the same failure always reads the same. */
public final class Errors {

    private Errors() {
    }

    /** 404: no object with that id (in the caller's account). */
    public static PingppErrorException noSuch(String objectName, String id) {
        return PingppErrorException.noSuchObject(objectName, id);
    }

    /** 400: a parameter is missing or invalid. */
    public static PingppErrorException invalid(String param, String message) {
        return PingppErrorException.invalidParameter(param, message);
    }

    /**
     * 402: a well-formed request that the object's state does not allow, such as refunding more than was paid
     * or paying a canceled order.
     */
    public static PingppErrorException refused(String code, String param, String message) {
        return new PingppErrorException(402, ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR, message, code, param);
    }

    /** 402 {@code channel_error}: the channel refused, as a banned sub-app channel does. */
    public static PingppErrorException channelRefused(String param, String message) {
        return channelRefused(param, "channel_request_error", message);
    }

    /** 402 {@code channel_error} with its own code. */
    public static PingppErrorException channelRefused(String param, String code, String message) {
        return new PingppErrorException(402, ErrorDetail.TypeEnum.CHANNEL_ERROR, message, code, param);
    }
}
