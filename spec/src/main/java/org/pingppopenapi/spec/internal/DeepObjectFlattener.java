package org.pingppopenapi.spec.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rewrites every {@code style: deepObject} query parameter as one query parameter per property. */
public final class DeepObjectFlattener {

    private static final String COMPONENT_PARAMETER_PREFIX = "#/components/parameters/";
    private static final Set<String> OPERATION_KEYS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private DeepObjectFlattener() {
    }

    public static String flatten(String specYaml) {
        try {
            ObjectNode spec = (ObjectNode) YAML.readTree(specYaml);
            ObjectNode componentParameters = (ObjectNode) spec.path("components").path("parameters");
            Set<String> flattenedComponents = new HashSet<>();
            for (JsonNode pathItem : iterable(spec.path("paths"))) {
                flattenParameterList((ObjectNode) pathItem, componentParameters, flattenedComponents);
                for (Iterator<Map.Entry<String, JsonNode>> it = pathItem.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (OPERATION_KEYS.contains(entry.getKey())) {
                        flattenParameterList((ObjectNode) entry.getValue(), componentParameters, flattenedComponents);
                    }
                }
            }
            flattenedComponents.forEach(componentParameters::remove);
            return YAML.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The spec is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static void flattenParameterList(
            ObjectNode owner, ObjectNode componentParameters, Set<String> flattenedComponents) {
        if (!(owner.get("parameters") instanceof ArrayNode parameters)) {
            return;
        }
        List<JsonNode> rewritten = new ArrayList<>();
        for (JsonNode entry : parameters) {
            String componentName = componentName(entry);
            JsonNode parameter = componentName == null ? entry : componentParameters.get(componentName);
            if (parameter == null) {
                throw new IllegalArgumentException("Unresolvable parameter reference " + entry.get("$ref"));
            }
            if (isDeepObjectQueryParameter(parameter)) {
                rewritten.addAll(perProperty(parameter));
                if (componentName != null) {
                    flattenedComponents.add(componentName);
                }
            } else {
                rewritten.add(entry);
            }
        }
        parameters.removeAll();
        parameters.addAll(rewritten);
    }

    private static String componentName(JsonNode entry) {
        String ref = entry.path("$ref").asText(null);
        if (ref == null) {
            return null;
        }
        if (!ref.startsWith(COMPONENT_PARAMETER_PREFIX)) {
            throw new IllegalArgumentException("Only local component parameter references are supported: " + ref);
        }
        return ref.substring(COMPONENT_PARAMETER_PREFIX.length());
    }

    private static boolean isDeepObjectQueryParameter(JsonNode parameter) {
        return "query".equals(parameter.path("in").asText())
                && "deepObject".equals(parameter.path("style").asText())
                && parameter.path("schema").path("properties").isObject();
    }

    private static List<JsonNode> perProperty(JsonNode parameter) {
        String name = parameter.path("name").asText();
        boolean parameterRequired = parameter.path("required").asBoolean(false);
        Set<String> requiredProperties = new HashSet<>();
        parameter.path("schema").path("required").forEach(node -> requiredProperties.add(node.asText()));
        List<JsonNode> flattened = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameter.path("schema").path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            ObjectNode flat = YAML.createObjectNode();
            flat.put("name", name + "[" + property.getKey() + "]");
            flat.put("in", "query");
            if (parameterRequired && requiredProperties.contains(property.getKey())) {
                flat.put("required", true);
            }
            JsonNode description = property.getValue().has("description")
                    ? property.getValue().get("description")
                    : parameter.get("description");
            if (description != null) {
                flat.set("description", description);
            }
            flat.set("schema", property.getValue().deepCopy());
            JsonNode example = parameter.path("example").get(property.getKey());
            if (example != null) {
                flat.set("example", example);
            }
            flattened.add(flat);
        }
        return flattened;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }
}
