package org.pingppopenapi.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Retrieves the object a path names through the operation of the spec that retrieves it, whoever serves that
 * operation (hand-written behaviour or the generic store): the generic store checks the parents of every path this
 * way, so {@code /v1/charges/{charge_id}/...} answers 404 for a charge that does not exist.
 */
public interface Retrievals {

    /**
     * The object {@code retrieve} answers for these path parameter values, as JSON.
     *
     * @throws org.pingppopenapi.server.PingppErrorException the operation's own answer when there is no such object
     */
    JsonNode retrieve(SpecOperation retrieve, List<String> pathValues);

    /** Whether the generic store serves the operation (no hand-written behaviour overrides it). */
    boolean isGeneric(SpecOperation operation);
}
