package org.pingppopenapi.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Every reference to a component in a spec, read from the YAML tree as written.
 *
 * <p>Three things refer to a component: a {@code $ref} string, a security requirement naming a security scheme,
 * and {@value SpecRules#EXPANDABLE} naming the schema an expandable field expands into. A reference from inside
 * a component to itself does not count as a use.
 */
final class ComponentReferences {

    /**
     * @param target JSON Pointer the reference points at, e.g. {@code /components/schemas/Charge}
     * @param from JSON Pointer of the place holding the reference
     */
    record Reference(String target, String from) {
    }

    private final JsonNode tree;
    private final List<Reference> references = new ArrayList<>();

    private ComponentReferences(JsonNode tree) {
        this.tree = tree;
    }

    static ComponentReferences of(JsonNode tree) {
        ComponentReferences result = new ComponentReferences(tree);
        result.collect(tree, "");
        result.securityRequirements(tree.path("security"), "/security");
        for (Map.Entry<String, JsonNode> path : tree.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                result.securityRequirements(operation.getValue().path("security"),
                        JsonPointers.append("/paths", path.getKey(), operation.getKey(), "security"));
            }
        }
        return result;
    }

    /** One violation per declared component of the given types that nothing outside it refers to. */
    List<Violation> unreferencedComponents(List<String> componentTypes) {
        List<Violation> violations = new ArrayList<>();
        for (String type : componentTypes) {
            for (String name : tree.path("components").path(type).propertyNames()) {
                String component = JsonPointers.append("/components", type, name);
                boolean used = references.stream().anyMatch(reference ->
                        JsonPointers.isWithin(reference.target(), component) && !JsonPointers.isWithin(reference.from(), component));
                if (!used) {
                    violations.add(new Violation(component, "is declared but never referenced: remove it or use it"));
                }
            }
        }
        return violations;
    }

    private void collect(JsonNode node, String pointer) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if ("$ref".equals(key) && value.isString() && value.stringValue().startsWith("#")) {
                    references.add(new Reference(value.stringValue().substring(1), pointer));
                } else if (SpecRules.EXPANDABLE.equals(key) && value.isString()) {
                    references.add(new Reference(JsonPointers.append("/components/schemas", value.stringValue()), pointer));
                } else {
                    collect(value, JsonPointers.append(pointer, key));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), JsonPointers.append(pointer, i));
            }
        }
    }

    private void securityRequirements(JsonNode requirements, String pointer) {
        for (int i = 0; i < requirements.size(); i++) {
            for (String scheme : requirements.get(i).propertyNames()) {
                references.add(new Reference(JsonPointers.append("/components/securitySchemes", scheme), JsonPointers.append(pointer, i)));
            }
        }
    }
}
