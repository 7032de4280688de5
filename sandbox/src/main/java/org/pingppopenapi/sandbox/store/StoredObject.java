package org.pingppopenapi.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.pingppopenapi.sandbox.domain.Listed;
import org.pingppopenapi.sandbox.domain.Position;

/**
 * An object of the generic store: its JSON as the spec's schema shapes it, changed only under its own lock and
 * handed out as copies.
 */
public final class StoredObject implements Listed {

    private final String id;
    private final Position position;
    private final String schemaName;
    private final ObjectNode json;

    StoredObject(String id, Position position, String schemaName, ObjectNode json) {
        this.id = id;
        this.position = position;
        this.schemaName = schemaName;
        this.json = json;
    }

    /** The value of its key property: its {@code id}, or the property that names it in its path. */
    @Override
    public String id() {
        return id;
    }

    @Override
    public Position position() {
        return position;
    }

    /** The schema of {@code components.schemas} it was made of. */
    public String schemaName() {
        return schemaName;
    }

    /** A copy of its JSON. */
    public synchronized ObjectNode json() {
        return json.deepCopy();
    }

    /** Changes its JSON (under its lock) and returns a copy of the result. */
    public synchronized ObjectNode update(Consumer<ObjectNode> change) {
        change.accept(json);
        return json.deepCopy();
    }
}
