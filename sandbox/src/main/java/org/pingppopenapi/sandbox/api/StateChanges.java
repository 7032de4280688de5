package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.store.StoredObject;

/**
 * State changes of the objects the generic store keeps for the hand-written payout and agreement resources: the
 * status an object starts from is checked and the object changed under its lock, so two concurrent changes cannot
 * both start from the same status.
 */
final class StateChanges {

    private StateChanges() {
    }

    /** The object {@code id} of a top-level collection ({@code /v1/transfers}); 404 in the Ping++ shape when absent. */
    static StoredObject find(Account account, String collection, String objectName, String id) {
        return account.objects().find(collection, List.of(), id).orElseThrow(() -> Errors.noSuch(objectName, id));
    }

    /**
     * Applies {@code change} when the object's {@code status} is one of {@code from}; otherwise refuses with 402
     * {@code <object>_unexpected_status} (param {@code status}), as the sandbox refuses a charge paid twice.
     *
     * @return a copy of the changed object
     */
    static ObjectNode change(StoredObject object, String objectName, String action, Set<String> from,
            Consumer<ObjectNode> change) {
        return change(object, from, status -> "The " + objectName + " " + object.id() + " is " + status + "; only a "
                + objectName + " that is " + String.join(" or ", new TreeSet<>(from)) + " can be " + action + ".",
                objectName + "_unexpected_status", change);
    }

    /** As {@link #change(StoredObject, String, String, Set, Consumer)}, with the refusal's message and code given. */
    static ObjectNode change(StoredObject object, Set<String> from, Function<String, String> refusalMessage, String code,
            Consumer<ObjectNode> change) {
        return object.update(json -> {
            String status = json.path("status").asText();
            if (!from.contains(status)) {
                throw Errors.refused(code, "status", refusalMessage.apply(status));
            }
            change.accept(json);
        });
    }
}
