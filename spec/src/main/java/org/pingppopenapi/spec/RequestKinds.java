package org.pingppopenapi.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request kinds of a spec document: every schema an operation takes as its JSON request body is one kind, named
 * by the rule the spec states in {@code info.description} ("Request kinds"):
 * <ul>
 *   <li>the kind's name comes from the operationId of the first operation (in document order) taking the schema:
 *       {@code verbNoun} gives {@code kebab(Noun)}, followed by {@code -verb} unless the verb is {@code create}
 *       ({@code createCharge} is {@code charge}, {@code createChargeRefund} {@code charge-refund}, {@code payOrder}
 *       {@code order-pay}, {@code updateSubAppChannel} {@code sub-app-channel-update});</li>
 *   <li>{@code x-pingpp-request-kind: <name>} on the schema overrides the derived name.</li>
 * </ul>
 * The validator validates one kind per name (and its command line takes the name); the code generators' input marks
 * each kind's schema as a request model ({@link GeneratorInput}).
 *
 * <p>Needs Jackson (optional for users of the spec jar, which only read the document).
 */
public final class RequestKinds {

    /** The extension that names a request schema's kind when the derived name will not do. */
    public static final String OVERRIDE = "x-pingpp-request-kind";

    /** A kind name: lower-case words of letters and digits joined by {@code -}. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    private static final String REQUEST_BODY_REF_PREFIX = "#/components/requestBodies/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern VERB_NOUN = Pattern.compile("([a-z]+)([A-Z][A-Za-z0-9]*)");
    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    /**
     * One request kind.
     *
     * @param name        the kind's name, such as {@code charge-refund}
     * @param schema      the name of its schema in {@code components.schemas}
     * @param operationId the first operation taking the schema as its body, which the name is derived from
     */
    public record Kind(String name, String schema, String operationId) {
    }

    private RequestKinds() {
    }

    /**
     * The kinds of a spec document (a bundled one: every {@code $ref} local), in the order of their first operation.
     *
     * @throws IllegalArgumentException naming the operation or schema, when an operation's JSON body is not a
     *                                  {@code $ref} to a named schema, a name cannot be derived from the operationId
     *                                  and the schema has no {@code x-pingpp-request-kind}, a name is malformed, two
     *                                  schemas get the same name, or {@code x-pingpp-request-kind} is on a schema no
     *                                  operation takes as its body
     */
    public static List<Kind> of(JsonNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        Map<String, Kind> bySchema = new LinkedHashMap<>();
        Map<String, Kind> byName = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String where = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                String schema = bodySchema(document, operation.getValue(), where);
                if (schema == null || bySchema.containsKey(schema)) {
                    continue;
                }
                if (!schemas.has(schema)) {
                    throw new IllegalArgumentException(where + " takes the schema " + schema + ", which components.schemas does not define");
                }
                String operationId = operation.getValue().path("operationId").asText("");
                Kind kind = new Kind(name(schemas.get(schema), schema, operationId, where), schema, operationId);
                Kind same = byName.putIfAbsent(kind.name(), kind);
                if (same != null) {
                    throw new IllegalArgumentException("The request schemas " + same.schema() + " (of " + same.operationId() + ") and "
                            + schema + " (of " + operationId + ") are both named request kind '" + kind.name()
                            + "'; give one of them another name with " + OVERRIDE);
                }
                bySchema.put(schema, kind);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = schemas.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getValue().has(OVERRIDE) && !bySchema.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("Schema " + entry.getKey() + " has " + OVERRIDE
                        + ", but no operation takes it as its JSON request body");
            }
        }
        return List.copyOf(bySchema.values());
    }

    /**
     * The name the rule derives from an operationId: {@code verbNoun} gives {@code kebab(Noun)}, followed by
     * {@code -verb} unless the verb is {@code create}.
     *
     * @throws IllegalArgumentException when the operationId is not a lower-case verb followed by a capitalized noun
     */
    public static String derivedName(String operationId) {
        if (operationId.isEmpty()) {
            throw new IllegalArgumentException("the operation has no operationId");
        }
        Matcher parts = VERB_NOUN.matcher(operationId);
        if (!parts.matches()) {
            throw new IllegalArgumentException("the operationId '" + operationId + "' is not a verb followed by a noun (verbNoun)");
        }
        String noun = String.join("-", WORD_START.split(parts.group(2))).toLowerCase(Locale.ROOT);
        String verb = parts.group(1);
        return verb.equals("create") ? noun : noun + "-" + verb;
    }

    private static String name(JsonNode schema, String schemaName, String operationId, String where) {
        JsonNode override = schema.get(OVERRIDE);
        String name;
        if (override != null) {
            if (!override.isTextual()) {
                throw new IllegalArgumentException("Schema " + schemaName + " has " + OVERRIDE + " " + override + ", which is not a name");
            }
            name = override.textValue();
        } else {
            try {
                name = derivedName(operationId);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " takes " + schemaName + " as its body, but " + e.getMessage()
                        + "; name the request kind with " + OVERRIDE + " on " + schemaName, e);
            }
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The request kind '" + name + "' of schema " + schemaName
                    + " is not lower-case words of letters and digits joined by '-'");
        }
        return name;
    }

    /** The schema named by an operation's JSON request body; null when it takes no JSON body. */
    private static String bodySchema(JsonNode document, JsonNode operation, String where) {
        JsonNode body = operation.get("requestBody");
        if (body == null) {
            return null;
        }
        if (body.has("$ref")) {
            String ref = body.get("$ref").asText();
            if (!ref.startsWith(REQUEST_BODY_REF_PREFIX)) {
                throw new IllegalArgumentException(where + " has the request body $ref " + ref + "; only " + REQUEST_BODY_REF_PREFIX
                        + "<name> is followed");
            }
            body = document.path("components").path("requestBodies").path(ref.substring(REQUEST_BODY_REF_PREFIX.length()));
        }
        List<String> schemas = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> media = body.path("content").fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            if (!isJson(type.getKey())) {
                continue;
            }
            JsonNode ref = type.getValue().path("schema").get("$ref");
            if (ref == null || !ref.isTextual() || !ref.textValue().startsWith(SCHEMA_REF_PREFIX)) {
                throw new IllegalArgumentException(where + " takes an inline schema as its " + type.getKey() + " body; name it in "
                        + "components.schemas and refer to it with $ref, so that it is a request kind (a request model)");
            }
            schemas.add(ref.textValue().substring(SCHEMA_REF_PREFIX.length()));
        }
        if (schemas.stream().distinct().count() > 1) {
            throw new IllegalArgumentException(where + " takes different JSON body schemas per media type: " + schemas);
        }
        return schemas.isEmpty() ? null : schemas.get(0);
    }

    private static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        type = (parameters < 0 ? type : type.substring(0, parameters)).trim();
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }
}
