package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pingppopenapi.server.PingppJson;

/**
 * The resources whose money moves through the ledger store their objects in the generic store, after the ledger has
 * moved the money: the request as JSON, with the id the ledger's transactions name as their {@code source} and the
 * fields the resource decides ({@code status}, {@code balance_transaction}...), which the generic store keeps as given.
 */
final class BalanceJson {

    static final ObjectMapper JSON = PingppJson.newObjectMapper();

    private BalanceJson() {
    }

    /** The request as a JSON object to add fields to, with the object's id. */
    static ObjectNode body(Object request, String id) {
        ObjectNode body = JSON.valueToTree(request);
        body.put("id", id);
        return body;
    }
}
