package org.pingppopenapi.spec;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A schema object somewhere in a spec: a component schema or anything nested in one, or the schema of a
 * parameter, header, request body or response, wherever those are declared (in paths, components or webhooks).
 *
 * <p>A {@code $ref} schema is itself a site, but the walk does not follow it: the target is visited where it is
 * declared, so every schema object is visited exactly once.
 *
 * @param pointer JSON Pointer of the schema object in the document
 * @param schema the schema object
 * @param propertyName the property name when the schema is the value of a {@code properties} entry, else null
 */
record SchemaSite(String pointer, Schema<?> schema, String propertyName) {

    /** Where the spec describes the requests Ping++ sends to merchants, shaped like OpenAPI 3.1 {@code webhooks}. */
    static final String WEBHOOKS = "x-webhooks";

    /** Every schema object of the spec. */
    static List<SchemaSite> all(OpenAPI model) {
        List<SchemaSite> sites = new ArrayList<>();
        new Walk(sites).spec(model);
        return sites;
    }

    private record Walk(List<SchemaSite> sites) {

        void spec(OpenAPI model) {
            Components components = model.getComponents();
            if (components != null) {
                each(components.getSchemas(), "/components/schemas", (pointer, schema) -> schema(pointer, schema, null));
                each(components.getParameters(), "/components/parameters", this::parameter);
                each(components.getHeaders(), "/components/headers", this::header);
                each(components.getRequestBodies(), "/components/requestBodies", this::requestBody);
                each(components.getResponses(), "/components/responses", this::response);
            }
            if (model.getPaths() != null) {
                model.getPaths().forEach((path, item) -> pathItem(JsonPointers.append("", "paths", path), item));
            }
            webhooks(model).forEach((name, item) -> pathItem(JsonPointers.append("", WEBHOOKS, name), item));
        }

        /**
         * OpenAPI 3.0 has no {@code webhooks}; the spec describes them in {@value #WEBHOOKS} with the shape of
         * 3.1's. swagger-parser keeps that as an untyped extension, so read it as path items here.
         */
        private static Map<String, PathItem> webhooks(OpenAPI model) {
            Object webhooks = model.getExtensions() == null ? null : model.getExtensions().get(WEBHOOKS);
            if (!(webhooks instanceof Map<?, ?> items)) {
                return Map.of();
            }
            Map<String, PathItem> result = new LinkedHashMap<>();
            items.forEach((name, item) -> result.put(String.valueOf(name), Json.mapper().convertValue(item, PathItem.class)));
            return result;
        }

        private void pathItem(String pointer, PathItem item) {
            parameters(pointer, item.getParameters());
            item.readOperationsMap().forEach((method, operation) ->
                    operation(JsonPointers.append(pointer, method.name().toLowerCase(Locale.ROOT)), operation));
        }

        private void operation(String pointer, Operation operation) {
            parameters(pointer, operation.getParameters());
            if (operation.getRequestBody() != null) {
                requestBody(JsonPointers.append(pointer, "requestBody"), operation.getRequestBody());
            }
            if (operation.getResponses() != null) {
                each(operation.getResponses(), JsonPointers.append(pointer, "responses"), this::response);
            }
        }

        private void parameters(String pointer, List<Parameter> parameters) {
            if (parameters == null) {
                return;
            }
            for (int i = 0; i < parameters.size(); i++) {
                parameter(JsonPointers.append(JsonPointers.append(pointer, "parameters"), i), parameters.get(i));
            }
        }

        private void parameter(String pointer, Parameter parameter) {
            if (parameter.get$ref() != null) {
                return;
            }
            schemaOrContent(pointer, parameter.getSchema(), parameter.getContent());
        }

        private void header(String pointer, Header header) {
            if (header.get$ref() != null) {
                return;
            }
            schemaOrContent(pointer, header.getSchema(), header.getContent());
        }

        private void requestBody(String pointer, RequestBody body) {
            if (body.get$ref() == null) {
                content(pointer, body.getContent());
            }
        }

        private void response(String pointer, ApiResponse response) {
            if (response.get$ref() != null) {
                return;
            }
            each(response.getHeaders(), JsonPointers.append(pointer, "headers"), this::header);
            content(pointer, response.getContent());
        }

        private void schemaOrContent(String pointer, Schema<?> schema, Content content) {
            if (schema != null) {
                schema(JsonPointers.append(pointer, "schema"), schema, null);
            }
            content(pointer, content);
        }

        private void content(String pointer, Content content) {
            if (content == null) {
                return;
            }
            content.forEach((mediaType, media) -> {
                if (media.getSchema() != null) {
                    schema(JsonPointers.append(pointer, "content", mediaType, "schema"), media.getSchema(), null);
                }
            });
        }

        @SuppressWarnings("rawtypes") // swagger-core's Schema API hands out raw Schema collections
        private void schema(String pointer, Schema<?> schema, String propertyName) {
            sites.add(new SchemaSite(pointer, schema, propertyName));
            if (schema.get$ref() != null) {
                return;
            }
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                properties.forEach((name, property) ->
                        schema(JsonPointers.append(pointer, "properties", name), property, name));
            }
            if (schema.getItems() != null) {
                schema(JsonPointers.append(pointer, "items"), schema.getItems(), null);
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
                schema(JsonPointers.append(pointer, "additionalProperties"), additional, null);
            }
            composition(pointer, "allOf", schema.getAllOf());
            composition(pointer, "anyOf", schema.getAnyOf());
            composition(pointer, "oneOf", schema.getOneOf());
            if (schema.getNot() != null) {
                schema(JsonPointers.append(pointer, "not"), schema.getNot(), null);
            }
        }

        @SuppressWarnings("rawtypes")
        private void composition(String pointer, String keyword, List<Schema> members) {
            if (members == null) {
                return;
            }
            for (int i = 0; i < members.size(); i++) {
                schema(JsonPointers.append(JsonPointers.append(pointer, keyword), i), members.get(i), null);
            }
        }

        private static <T> void each(Map<String, T> map, String pointer, BiConsumer<String, T> visitor) {
            if (map != null) {
                map.forEach((name, value) -> visitor.accept(JsonPointers.append(pointer, name), value));
            }
        }
    }
}
