package org.pingppopenapi.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Building and editing test payloads; paths are the validator's ({@code extra.goods_list[0].price}). */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Marks a field to remove in {@link #with}. */
    static final Object ABSENT = new Object();

    private Json() {
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode node(Object value) {
        return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
    }

    /** A copy of {@code payload} with the field at {@code path} set to {@code value} (or removed for {@link #ABSENT}). */
    static ObjectNode with(JsonNode payload, String path, Object value) {
        ObjectNode copy = (ObjectNode) payload.deepCopy();
        set(copy, path, value);
        return copy;
    }

    /** Sets in place, creating missing objects on the way. */
    static void set(ObjectNode root, String path, Object value) {
        String[] steps = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            int index = -1;
            if (step.endsWith("]")) {
                index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
                step = step.substring(0, step.indexOf('['));
            }
            boolean last = i == steps.length - 1;
            ObjectNode holder = (ObjectNode) node;
            if (index < 0) {
                if (last) {
                    put(holder, step, value);
                    return;
                }
                if (!(holder.get(step) instanceof ObjectNode)) {
                    holder.set(step, NODES.objectNode());
                }
                node = holder.get(step);
            } else {
                ArrayNode array = holder.get(step) instanceof ArrayNode existing ? existing : holder.putArray(step);
                while (array.size() <= index) {
                    array.addObject();
                }
                if (last) {
                    if (value == ABSENT) {
                        array.remove(index);
                    } else {
                        array.set(index, node(value));
                    }
                    return;
                }
                node = array.get(index);
            }
        }
    }

    private static void put(ObjectNode holder, String name, Object value) {
        if (value == ABSENT) {
            holder.remove(name);
        } else {
            holder.set(name, node(value));
        }
    }

    static String repeat(String unit, int times) {
        return unit.repeat(Math.max(0, times));
    }
}
