package org.pingppopenapi.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One example of a spec, paired with the schema it has to satisfy.
 *
 * @param name names the example for a test report: the operationId (or component), the status or
 *     {@code request}, and the example's name, e.g. {@code createCharge 200 upacp}
 * @param pointer JSON Pointer of the example in the document (the {@code examples} entry or {@code example} key)
 * @param value the example's value after following a {@code $ref} to components/examples; null when there is
 *     none (a missing {@code value}, an {@code externalValue}, a dangling {@code $ref})
 * @param schemaPointer JSON Pointer of the schema the value must satisfy; null when the example has none
 * @param direction whether the value travels in a request or a response, which decides how
 *     {@code readOnly} and {@code writeOnly} apply
 */
record SpecExample(String name, String pointer, JsonNode value, String schemaPointer, Direction direction) {

    enum Direction {
        /** readOnly properties must not appear. */
        REQUEST,
        /** writeOnly properties must not appear. */
        RESPONSE,
        /** A schema's own {@code example}: its direction is not known. */
        EITHER
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String JSON = "application/json";

    /**
     * Every example in the document: media types' {@code example} and {@code examples} (request bodies, responses,
     * parameters with content), parameters' and headers' {@code example} and {@code examples}, and schemas' own
     * {@code example}, in paths, components and {@value SchemaSite#WEBHOOKS}. Examples under a referenced component (response, request body, parameter, header) are
     * listed once, under the component; component examples are listed where they are used, because that is
     * where their schema is.
     */
    static List<SpecExample> all(SpecDocument spec) {
        Collector collector = new Collector(spec.tree());
        collector.operations();
        collector.components();
        collector.schemas(spec);
        return collector.examples;
    }

    private static final class Collector {
        private final JsonNode tree;
        private final List<SpecExample> examples = new ArrayList<>();

        Collector(JsonNode tree) {
            this.tree = tree;
        }

        void operations() {
            pathItems("paths");
            pathItems(SchemaSite.WEBHOOKS);
        }

        private void pathItems(String container) {
            for (Map.Entry<String, JsonNode> path : tree.path(container).properties()) {
                String pathPointer = JsonPointers.append("", container, path.getKey());
                parameters(path.getKey(), pathPointer, path.getValue());
                for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                    if (!HTTP_METHODS.contains(entry.getKey())) {
                        continue;
                    }
                    JsonNode operation = entry.getValue();
                    String pointer = JsonPointers.append(pathPointer, entry.getKey());
                    String label = operation.path("operationId").asString(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    parameters(label, pointer, operation);
                    JsonNode body = operation.path("requestBody");
                    if (body.isObject() && !body.has("$ref")) {
                        content(label + " request", JsonPointers.append(pointer, "requestBody"), body, SpecExample.Direction.REQUEST);
                    }
                    for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                        if (!response.getValue().has("$ref")) {
                            response(label + " " + response.getKey(),
                                    JsonPointers.append(pointer, "responses", response.getKey()), response.getValue());
                        }
                    }
                }
            }
        }

        void components() {
            JsonNode components = tree.path("components");
            for (Map.Entry<String, JsonNode> parameter : components.path("parameters").properties()) {
                parameter("components/parameters/" + parameter.getKey(),
                        JsonPointers.append("/components/parameters", parameter.getKey()), parameter.getValue());
            }
            for (Map.Entry<String, JsonNode> body : components.path("requestBodies").properties()) {
                content("components/requestBodies/" + body.getKey(),
                        JsonPointers.append("/components/requestBodies", body.getKey()), body.getValue(), SpecExample.Direction.REQUEST);
            }
            for (Map.Entry<String, JsonNode> response : components.path("responses").properties()) {
                response("components/responses/" + response.getKey(),
                        JsonPointers.append("/components/responses", response.getKey()), response.getValue());
            }
            for (Map.Entry<String, JsonNode> header : components.path("headers").properties()) {
                header("components/headers/" + header.getKey(),
                        JsonPointers.append("/components/headers", header.getKey()), header.getValue());
            }
        }

        /** A schema's own {@code example} keyword, wherever the schema is. */
        void schemas(SpecDocument spec) {
            for (SchemaSite site : SchemaSite.all(spec.model())) {
                JsonNode schema = tree.at(site.pointer());
                if (schema.has("example")) {
                    examples.add(new SpecExample(site.pointer() + " example", site.pointer() + "/example",
                            schema.get("example"), site.pointer(), SpecExample.Direction.EITHER));
                }
            }
        }

        private void parameters(String label, String pointer, JsonNode holder) {
            JsonNode parameters = holder.path("parameters");
            for (int i = 0; i < parameters.size(); i++) {
                JsonNode parameter = parameters.get(i);
                if (!parameter.has("$ref")) {
                    parameter(label + " parameter " + parameter.path("name").asString("?"),
                            JsonPointers.append(JsonPointers.append(pointer, "parameters"), i), parameter);
                }
            }
        }

        private void parameter(String label, String pointer, JsonNode parameter) {
            exampleAndExamples(label, pointer, parameter, schemaOf(pointer, parameter), SpecExample.Direction.REQUEST);
            content(label, pointer, parameter, SpecExample.Direction.REQUEST);
        }

        private void header(String label, String pointer, JsonNode header) {
            exampleAndExamples(label, pointer, header, schemaOf(pointer, header), SpecExample.Direction.RESPONSE);
            content(label, pointer, header, SpecExample.Direction.RESPONSE);
        }

        private void response(String label, String pointer, JsonNode response) {
            for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
                if (!header.getValue().has("$ref")) {
                    header(label + " header " + header.getKey(), JsonPointers.append(pointer, "headers", header.getKey()), header.getValue());
                }
            }
            content(label, pointer, response, SpecExample.Direction.RESPONSE);
        }

        private void content(String label, String pointer, JsonNode holder, SpecExample.Direction direction) {
            for (Map.Entry<String, JsonNode> media : holder.path("content").properties()) {
                String mediaPointer = JsonPointers.append(pointer, "content", media.getKey());
                String mediaLabel = JSON.equals(media.getKey()) ? label : label + " (" + media.getKey() + ")";
                exampleAndExamples(mediaLabel, mediaPointer, media.getValue(), schemaOf(mediaPointer, media.getValue()), direction);
            }
        }

        private void exampleAndExamples(String label, String pointer, JsonNode holder, String schemaPointer, SpecExample.Direction direction) {
            if (holder.has("example")) {
                examples.add(new SpecExample(label + " example", pointer + "/example", holder.get("example"), schemaPointer, direction));
            }
            for (Map.Entry<String, JsonNode> example : holder.path("examples").properties()) {
                examples.add(new SpecExample(label + " " + example.getKey(), JsonPointers.append(pointer, "examples", example.getKey()),
                        valueOf(example.getValue()), schemaPointer, direction));
            }
        }

        /** An Example Object's value, following one {@code $ref}; null when there is none. */
        private JsonNode valueOf(JsonNode example) {
            JsonNode resolved = example;
            if (example.path("$ref").isString() && example.path("$ref").stringValue().startsWith("#/")) {
                resolved = tree.at(example.path("$ref").stringValue().substring(1));
            }
            return resolved.isObject() && resolved.has("value") ? resolved.get("value") : null;
        }

        private static String schemaOf(String pointer, JsonNode holder) {
            return holder.has("schema") ? pointer + "/schema" : null;
        }
    }
}
