package org.pingppopenapi.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.CreatedRange;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.domain.FieldDefault;
import org.pingppopenapi.sandbox.domain.IdGenerator;
import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.sandbox.domain.SpecDocument;
import org.pingppopenapi.sandbox.domain.Timeline;

/**
 * Serves any operation of the spec from the account's {@link ObjectStore}, by what the operation is
 * ({@link SpecOperation.Kind}): creates objects shaped by the response schema ({@link ObjectShaper}), retrieves,
 * lists (cursor or page pagination, {@code created[...]} filters, filters on the objects' properties), updates and
 * deletes them, acts on them, and records the operation's {@code x-pingpp-events}. Every parent a path names is
 * retrieved first ({@link Retrievals}), so a missing parent is that parent's 404.
 */
public final class GenericStore {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The pagination and expansion parameters of the spec's list operations (info.description, "Pagination"). */
    private static final Set<String> NOT_FILTERS = Set.of("limit", "starting_after", "ending_before", "page", "per_page",
            "created[gt]", "created[gte]", "created[lt]", "created[lte]", "expand[]", "expand");
    private static final int DEFAULT_LIMIT = 10;
    private static final int DEFAULT_PER_PAGE = 20;
    private static final int DEFAULT_MAX_ITEMS = 100;

    private final SpecOperations operations;
    private final ObjectShaper shaper;
    private final Clock clock;

    public GenericStore(SpecOperations operations, IdGenerator ids, Clock clock) {
        this.operations = operations;
        this.shaper = new ObjectShaper(ids);
        this.clock = clock;
    }

    /** What a request of an operation carries: path parameter values in path order, query values by wire name, body. */
    public record Call(List<String> pathValues, Map<String, Object> query, JsonNode body) {
    }

    /** The answer to {@code call}, as JSON of the operation's 200 schema; null when the operation answers no JSON. */
    public JsonNode serve(Account account, SpecOperation operation, Call call, Retrievals retrievals) {
        Request request = new Request(account, operation, call, retrievals, clock.instant());
        JsonNode answer = switch (operation.kind()) {
            case LIST -> list(request);
            case CREATE -> create(request);
            case RETRIEVE -> retrieve(request);
            case UPDATE -> update(request);
            case DELETE -> delete(request);
            case ACTION -> act(request);
            case ANSWER -> answer(request);
        };
        return answer;
    }

    /**
     * Makes an object that hand-written behaviour creates with no operation of its own (a royalty recorded when an
     * order gets royalty data): shaped by the schema {@code schemaName} from {@code fields}, with a new id of the
     * spec's shape, and, when {@code keep}, stored in the collection at {@code template} (a top-level path such as
     * {@code /v1/royalties}), where the spec's retrieve and list operations find it. Returns the stored object, or for
     * an object not kept (a preview) an object that is in no collection.
     */
    public StoredObject make(Account account, String template, String schemaName, ObjectNode fields, boolean keep) {
        return make(account, template, List.of(), schemaName, fields, keep);
    }

    /**
     * {@link #make} into the collection of a path with parameters, written as the spec writes it
     * ({@code /v1/apps/{app_id}/balance_settlements}), with their values in order.
     */
    public StoredObject make(Account account, String template, List<String> scope, String schemaName, ObjectNode fields,
            boolean keep) {
        SpecOperations.Schema schema = ObjectShaper.named(schemaName);
        Instant now = clock.instant();
        Timeline<StoredObject> collection = account.objects().collection(collectionKey(template), scope);
        while (true) {
            String id = shaper.newId(schemaName, "id", now);
            ObjectNode json = shaper.shape(schema, new ObjectShaper.Sources(List.of(fields), Map.of(),
                    Map.of("id", JSON.textNode(id)), template + "/" + id, now));
            StoredObject made = new StoredObject(id, Timeline.next(now.getEpochSecond()), schemaName, json);
            if (!keep || collection.add(made)) {
                return made;
            }
        }
    }

    /** A spec path as the store keys its collections: each parameter written {@code {}}, as SpecOperation does. */
    private static String collectionKey(String specPath) {
        return specPath.replaceAll("\\{[^}/]*\\}", "{}");
    }

    private JsonNode list(Request request) {
        SpecOperation operation = request.operation;
        request.checkParents(operation.pathParameters().size());
        SpecOperations.Schema items = Schemas.listItems(operation.responseSchema());
        Timeline<StoredObject> collection = request.account.objects().existing(operation.template(), request.pathValues())
                .orElseGet(Timeline::new);
        Predicate<StoredObject> filter = created(request.call.query()).and(propertyFilters(request.call.query(), items));
        String objectName = SpecDocument.objectName(items.node(), items.name());
        Page<StoredObject> page;
        if (operation.queryParameters().containsKey("limit")) {
            page = Page.byCursor(collection, filter, number(request, "limit", DEFAULT_LIMIT),
                    text(request.call.query().get("starting_after")), text(request.call.query().get("ending_before")),
                    objectName);
        } else {
            int perPage = operation.queryParameters().containsKey("per_page") ? number(request, "per_page", DEFAULT_PER_PAGE)
                    : SpecDocument.resolved(operation.responseSchema().path("properties").path("data"))
                            .path("maxItems").asInt(DEFAULT_MAX_ITEMS);
            page = Page.byNumber(collection.newestFirst().filter(filter), number(request, "page", 1), perPage);
        }
        ArrayNode data = JSON.arrayNode();
        page.items().forEach(object -> data.add(as(items, object)));
        return listEnvelope(request, data, page.hasMore());
    }

    private JsonNode create(Request request) {
        SpecOperation operation = request.operation;
        request.checkParents(operation.pathParameters().size());
        String template = operation.template();
        SpecOperations.Schema items = operations.itemSchema(template, operation);
        String key = operations.keyProperty(template, items);
        ObjectNode body = request.body();
        for (FieldDefault fieldDefault : operation.defaults()) {
            fieldDefault.applyTo(body, request.now.getEpochSecond());
        }
        Timeline<StoredObject> collection = request.account.objects().collection(template, request.pathValues());
        boolean keyGiven = body.path(key).isTextual();
        StoredObject stored;
        boolean added;
        do {
            String id = keyGiven ? body.get(key).asText() : shaper.newId(items.name(), key, request.now);
            ObjectNode json = shaper.shape(items, request.sources(List.of(body), Map.of(key, JSON.textNode(id)),
                    request.actualPath() + "/" + id));
            stored = new StoredObject(id, Timeline.next(request.now.getEpochSecond()), items.name(), json);
            added = collection.add(stored);
            if (!added && keyGiven) {
                throw Errors.invalid(key, "A " + SpecDocument.objectName(items.node(), items.name()) + " with " + key
                        + " " + id + " already exists.");
            }
        } while (!added);
        ObjectNode created = stored.json();
        JsonNode answer;
        if (Schemas.isListEnvelope(operation.responseSchema())) {
            ArrayNode data = JSON.arrayNode().add(as(Schemas.listItems(operation.responseSchema()), stored));
            answer = listEnvelope(request, data, false);
        } else {
            answer = as(request.responseSchema(), stored);
        }
        request.announce(created);
        return answer;
    }

    private JsonNode retrieve(Request request) {
        request.checkParents(request.operation.pathParameters().size() - 1);
        StoredObject stored = request.item().orElseThrow(request::noSuchItem);
        return as(request.responseSchema(), stored);
    }

    private JsonNode update(Request request) {
        request.checkParents(request.operation.pathParameters().size() - 1);
        Optional<StoredObject> stored = request.item();
        JsonNode answer;
        if (stored.isPresent()) {
            ObjectNode updated = stored.get().update(json -> merge(json, request.body(), ObjectShaper.named(stored.get().schemaName())));
            answer = as(request.responseSchema(), stored.get().id(), stored.get().schemaName(), updated);
        } else {
            JsonNode target = request.handWrittenItem().orElseThrow(request::noSuchItem);
            answer = shaper.shape(request.responseSchema(), request.sources(List.of(request.body(), target), Map.of(),
                    request.actualPath()));
        }
        request.announce(answer);
        return answer;
    }

    private JsonNode delete(Request request) {
        request.checkParents(request.operation.pathParameters().size() - 1);
        Optional<StoredObject> stored = request.item();
        JsonNode deleted;
        if (stored.isPresent()) {
            request.account.objects().existing(request.collectionTemplate(), request.collectionScope())
                    .ifPresent(collection -> collection.remove(stored.get().id()));
            deleted = stored.get().json();
        } else {
            deleted = request.handWrittenItem().orElseThrow(request::noSuchItem);
        }
        List<String> parameters = request.operation.pathParameters();
        JsonNode id = JSON.textNode(request.lastPathValue());
        Map<String, JsonNode> fixed = new LinkedHashMap<>();
        fixed.put("id", id);
        fixed.put(parameters.get(parameters.size() - 1), id);
        fixed.put("deleted", JSON.booleanNode(true));
        JsonNode answer = shaper.shape(request.responseSchema(), request.sources(List.of(deleted), fixed, request.actualPath()));
        request.announce(answer);
        return answer;
    }

    private JsonNode act(Request request) {
        SpecOperation operation = request.operation;
        int targetLength = operation.pathParameters().size();
        JsonNode target = request.checkParents(targetLength);
        SpecOperation retrieve = operations.retrieveOf(operation, targetSegments(operation)).orElseThrow();
        Optional<StoredObject> stored = request.retrievals.isGeneric(retrieve)
                ? request.account.objects().find(retrieve.template(targetSegments(operation) - 1),
                        request.pathValues().subList(0, targetLength - 1), request.pathValues().get(targetLength - 1))
                : Optional.empty();
        JsonNode answer;
        if (stored.isPresent() && stored.get().schemaName().equals(operation.responseSchemaName())) {
            answer = stored.get().update(json -> merge(json, request.body(), ObjectShaper.named(stored.get().schemaName())));
        } else {
            answer = shaper.shape(request.responseSchema(), request.sources(List.of(request.body(), target), Map.of(),
                    request.actualPath()));
        }
        request.announce(answer);
        return answer;
    }

    private JsonNode answer(Request request) {
        request.checkParents(request.operation.pathParameters().size());
        if (request.operation.responseSchema().isMissingNode()) {
            return null;
        }
        ObjectNode query = JSON.objectNode();
        request.call.query().forEach((name, value) -> {
            if (value instanceof Number number) {
                query.put(name, number.longValue());
            } else if (value instanceof Boolean flag) {
                query.put(name, flag);
            } else if (value instanceof String text) {
                query.put(name, text);
            }
        });
        JsonNode answer = shaper.shape(request.responseSchema(), request.sources(List.of(request.body(), query), Map.of(),
                request.actualPath()));
        request.announce(answer);
        return answer;
    }

    /** The stored object as the schema shows it: its JSON, or the JSON reshaped when the schema is another one. */
    private JsonNode as(SpecOperations.Schema schema, StoredObject stored) {
        return as(schema, stored.id(), stored.schemaName(), stored.json());
    }

    private JsonNode as(SpecOperations.Schema schema, String id, String storedSchema, ObjectNode json) {
        if (schema.name() != null && schema.name().equals(storedSchema)) {
            return json;
        }
        return shaper.shape(schema, new ObjectShaper.Sources(List.of(json), Map.of(), Map.of("id", JSON.textNode(id)),
                json.path("url").asText(""), clock.instant()));
    }

    private JsonNode listEnvelope(Request request, ArrayNode data, boolean hasMore) {
        Map<String, JsonNode> fixed = new LinkedHashMap<>();
        fixed.put("object", JSON.textNode("list"));
        fixed.put("url", JSON.textNode(request.actualPath()));
        fixed.put("has_more", JSON.booleanNode(hasMore));
        fixed.put("data", data);
        return shaper.shape(request.responseSchema(), request.sources(List.of(), fixed, request.actualPath()));
    }

    /** Sets the body's fields that the object's schema has, as the schema can hold them. */
    private static void merge(ObjectNode json, ObjectNode body, SpecOperations.Schema schema) {
        Map<String, JsonNode> properties = Schemas.properties(schema.node());
        body.fields().forEachRemaining(field -> {
            JsonNode property = properties.get(field.getKey());
            JsonNode fit = property == null ? null : Schemas.fit(field.getValue(), property);
            if (fit != null) {
                json.set(field.getKey(), fit.deepCopy());
            }
        });
    }

    private static Predicate<StoredObject> created(Map<String, Object> query) {
        CreatedRange range = new CreatedRange(longValue(query.get("created[gt]")), longValue(query.get("created[gte]")),
                longValue(query.get("created[lt]")), longValue(query.get("created[lte]")));
        return range::test;
    }

    /** Query parameters named like a property of the items ({@code status}, {@code app[id]} for {@code app}) filter by equality. */
    private static Predicate<StoredObject> propertyFilters(Map<String, Object> query, SpecOperations.Schema items) {
        Map<String, JsonNode> properties = Schemas.properties(items.node());
        List<Predicate<StoredObject>> filters = new ArrayList<>();
        query.forEach((name, value) -> {
            String property = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
            if (value == null || NOT_FILTERS.contains(name) || !properties.containsKey(property)) {
                return;
            }
            String wanted = String.valueOf(value);
            filters.add(object -> {
                JsonNode actual = object.json().path(property);
                JsonNode compared = actual.isObject() ? actual.path("id") : actual;
                return compared.isValueNode() && !compared.isNull() && compared.asText().equals(wanted);
            });
        });
        return object -> filters.stream().allMatch(filter -> filter.test(object));
    }

    private static int number(Request request, String name, int fallback) {
        Object value = request.call.query().get(name);
        if (value instanceof Number number) {
            return number.intValue();
        }
        JsonNode parameter = request.operation.queryParameters().get(name);
        return parameter == null ? fallback : parameter.path("schema").path("default").asInt(fallback);
    }

    private static Long longValue(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** The number of segments of the object an action acts on: the path without its last segment. */
    private static int targetSegments(SpecOperation operation) {
        return operation.segmentCount() - 1;
    }

    /** One request being served. */
    private final class Request {

        private final Account account;
        private final SpecOperation operation;
        private final Call call;
        private final Retrievals retrievals;
        private final Instant now;
        private final Map<String, String> pathByName = new LinkedHashMap<>();

        Request(Account account, SpecOperation operation, Call call, Retrievals retrievals, Instant now) {
            this.account = account;
            this.operation = operation;
            this.call = call;
            this.retrievals = retrievals;
            this.now = now;
            for (int i = 0; i < operation.pathParameters().size(); i++) {
                pathByName.put(operation.pathParameters().get(i), call.pathValues().get(i));
            }
        }

        List<String> pathValues() {
            return call.pathValues();
        }

        String lastPathValue() {
            return call.pathValues().get(call.pathValues().size() - 1);
        }

        String actualPath() {
            return operation.actualPath(call.pathValues());
        }

        SpecOperations.Schema responseSchema() {
            return new SpecOperations.Schema(operation.responseSchemaName(), operation.responseSchema());
        }

        /** A copy of the body as an object (empty when there is none). */
        ObjectNode body() {
            return call.body() instanceof ObjectNode object ? object.deepCopy() : JSON.objectNode();
        }

        ObjectShaper.Sources sources(List<JsonNode> values, Map<String, JsonNode> fixed, String selfPath) {
            return new ObjectShaper.Sources(values, pathByName, fixed, selfPath, now);
        }

        /**
         * Retrieves the objects named by the first {@code count} path parameters, through the operations that
         * retrieve them; returns the last one (null when none has a retrieving operation).
         */
        JsonNode checkParents(int count) {
            JsonNode last = null;
            int parameter = 0;
            for (int segment = 0; segment < operation.segmentCount() && parameter < count; segment++) {
                if (!operation.isParameterSegment(segment)) {
                    continue;
                }
                parameter++;
                Optional<SpecOperation> retrieve = operations.retrieveOf(operation, segment + 1);
                if (retrieve.isPresent()) {
                    last = retrievals.retrieve(retrieve.get(), call.pathValues().subList(0, parameter));
                }
            }
            return last;
        }

        String collectionTemplate() {
            return operation.template(operation.segmentCount() - 1);
        }

        List<String> collectionScope() {
            return call.pathValues().subList(0, call.pathValues().size() - 1);
        }

        /** The object the path names, from the store. */
        Optional<StoredObject> item() {
            return account.objects().find(collectionTemplate(), collectionScope(), lastPathValue());
        }

        /** The object the path names, when hand-written behaviour retrieves it (the generic store does not hold it). */
        Optional<JsonNode> handWrittenItem() {
            return operations.get(operation.template())
                    .filter(get -> get.kind() == SpecOperation.Kind.RETRIEVE && !retrievals.isGeneric(get))
                    .map(get -> retrievals.retrieve(get, call.pathValues()));
        }

        RuntimeException noSuchItem() {
            SpecOperations.Schema items = operations.itemSchema(collectionTemplate(), operation);
            return Errors.noSuch(SpecDocument.objectName(items.node(), items.name()), lastPathValue());
        }

        /** Records the operation's events about {@code object}. */
        void announce(JsonNode object) {
            if (operation.events().isEmpty()) {
                return;
            }
            String app = object.path("app").isTextual() ? object.get("app").asText() : pathByName.get("app_id");
            for (String type : operation.events()) {
                account.events().record(type, app, object.deepCopy(), true);
            }
        }
    }
}
