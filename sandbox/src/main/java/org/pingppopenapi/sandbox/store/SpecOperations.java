package org.pingppopenapi.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pingppopenapi.sandbox.domain.SpecDocument;

/**
 * Every operation of the spec, each with its {@link SpecOperation.Kind}, and the links between them the generic
 * store follows: the operation that retrieves the object a path prefix names, and the schema of the objects of a
 * collection.
 */
public final class SpecOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final SpecOperations BUNDLED = new SpecOperations(SpecDocument.root());

    private final Map<String, SpecOperation> byId = new LinkedHashMap<>();
    private final Map<String, SpecOperation> byMethodAndTemplate = new LinkedHashMap<>();

    private SpecOperations(JsonNode spec) {
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> entries = path.getValue().fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (METHODS.contains(entry.getKey())) {
                    SpecOperation operation = new SpecOperation(entry.getKey(), path.getKey(), path.getValue(), entry.getValue());
                    byId.put(operation.operationId(), operation);
                    byMethodAndTemplate.put(operation.method() + " " + operation.template(), operation);
                }
            }
        }
        byId.values().forEach(operation -> operation.kind(kindOf(operation)));
        byId.values().forEach(this::checkEvents);
    }

    /** The operations of the bundled spec. */
    public static SpecOperations bundled() {
        return BUNDLED;
    }

    public List<SpecOperation> all() {
        return List.copyOf(byId.values());
    }

    public Optional<SpecOperation> byId(String operationId) {
        return Optional.ofNullable(byId.get(operationId));
    }

    /** The {@code GET} of an unnamed template ({@code /v1/charges/{}}), if the spec has one. */
    Optional<SpecOperation> get(String template) {
        return Optional.ofNullable(byMethodAndTemplate.get("GET " + template));
    }

    /** The operation that retrieves the object named by the first {@code length} segments of {@code operation}'s path. */
    Optional<SpecOperation> retrieveOf(SpecOperation operation, int length) {
        return get(operation.template(length)).filter(get -> get.kind() == SpecOperation.Kind.RETRIEVE);
    }

    /**
     * The schema of the objects of the collection at {@code template} ({@code /v1/charges}): what retrieving one
     * answers, or the items of its list, or else what {@code fallback} (the creating operation) answers.
     */
    Schema itemSchema(String template, SpecOperation fallback) {
        Optional<SpecOperation> retrieve = get(template + "/{}").filter(get -> get.kind() == SpecOperation.Kind.RETRIEVE);
        if (retrieve.isPresent()) {
            return new Schema(retrieve.get().responseSchemaName(), retrieve.get().responseSchema());
        }
        Optional<SpecOperation> list = get(template).filter(get -> get.kind() == SpecOperation.Kind.LIST);
        if (list.isPresent()) {
            return Schemas.listItems(list.get().responseSchema());
        }
        return Schemas.isListEnvelope(fallback.responseSchema()) ? Schemas.listItems(fallback.responseSchema())
                : new Schema(fallback.responseSchemaName(), fallback.responseSchema());
    }

    /**
     * The property that identifies an object of the collection at {@code template} in its path: the name of the
     * retrieving operation's last parameter when the objects have such a property ({@code channel} of a sub-app
     * channel), else {@code id}.
     */
    String keyProperty(String template, Schema items) {
        return get(template + "/{}").map(retrieve -> {
            List<String> parameters = retrieve.pathParameters();
            String last = parameters.get(parameters.size() - 1);
            return items.node().path("properties").has(last) ? last : "id";
        }).orElse("id");
    }

    private SpecOperation.Kind kindOf(SpecOperation operation) {
        String method = operation.method();
        if (Schemas.isListEnvelope(operation.responseSchema())) {
            return method.equals("POST") ? SpecOperation.Kind.CREATE : SpecOperation.Kind.LIST;
        }
        if (operation.isItemPath()) {
            return switch (method) {
                case "GET" -> SpecOperation.Kind.RETRIEVE;
                case "DELETE" -> SpecOperation.Kind.DELETE;
                default -> SpecOperation.Kind.UPDATE;
            };
        }
        if (method.equals("POST")) {
            String template = operation.template();
            if (byMethodAndTemplate.containsKey("GET " + template) || byMethodAndTemplate.containsKey("GET " + template + "/{}")) {
                return SpecOperation.Kind.CREATE;
            }
            int parent = operation.segmentCount() - 1;
            SpecOperation retrieve = parent > 0 && operation.isParameterSegment(parent - 1)
                    ? byMethodAndTemplate.get("GET " + operation.template(parent)) : null;
            if (retrieve != null && !Schemas.isListEnvelope(retrieve.responseSchema())) {
                return SpecOperation.Kind.ACTION;
            }
        }
        return SpecOperation.Kind.ANSWER;
    }

    private void checkEvents(SpecOperation operation) {
        Set<String> known = SpecDocument.eventTypes();
        List<String> unknown = new ArrayList<>(operation.events());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(operation + " declares x-pingpp-events " + unknown
                    + ", which are not event types of the spec (Event.type x-pingpp-known-values)");
        }
    }

    /** A schema, resolved, and its name in {@code components.schemas} (null for an inline schema). */
    record Schema(String name, JsonNode node) {
    }
}
