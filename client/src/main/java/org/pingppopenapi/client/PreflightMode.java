package org.pingppopenapi.client;

/**
 * What the client does with a request body that breaks a rule of the spec (a channel rule such as the UnionPay
 * {@code order_no} length, or a schema constraint), found before anything is sent. Set per client
 * ({@link PingppClient.Builder#preflight}) and per call ({@link RequestOptions.Builder#preflight}).
 *
 * <p>Whatever the mode, a call whose path or required arguments are missing or malformed (a blank id, an id with a
 * {@code /}, no app for an app-scoped operation) is refused: such a request could only fail, or reach another
 * resource.
 */
public enum PreflightMode {

    /** Refuse the request with an {@link InvalidRequestException} listing every broken rule; nothing is sent. The default. */
    ENFORCE,

    /**
     * Log every broken rule at WARN and send the request anyway: for a rule the client may have wrong (an older spec
     * than the API's), while the API stays the judge.
     */
    WARN,

    /** Do not check the body against the spec's rules. */
    OFF
}
