package org.pingppopenapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pingppopenapi.sandbox.domain.Errors;

/**
 * Reads an {@code application/x-www-form-urlencoded} body whose keys use brackets for nesting, as the documents'
 * curl examples and the old SDKs send it: {@code app[id]=app_1} is {@code {"app":{"id":"app_1"}}},
 * {@code extra[goods_list][0][price]=1} nests further, and {@code list[]=a&list[]=b} appends to an array. Every
 * value is a string here; {@link FormTypes} gives them the types of the operation's schema.
 *
 * <p>A key given twice, or both as a value and as an object, is refused: the request is ambiguous.
 */
final class BracketForm {

    /** Deeper keys are refused: no Ping++ parameter nests further than a few levels. */
    static final int MAX_DEPTH = 16;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BracketForm() {
    }

    static ObjectNode parse(String body) {
        ObjectNode root = JSON.objectNode();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            put(root, key, path(key), value);
        }
        return root;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw Errors.invalid(shorten(encoded), "The form body has a malformed %-escape in \""
                    + shorten(encoded) + "\".");
        }
    }

    /** {@code a[b][0][]} is [a, b, 0, ""]; the empty segment appends to an array. */
    static List<String> path(String key) {
        int open = key.indexOf('[');
        List<String> segments = new ArrayList<>();
        if (open < 0) {
            segments.add(key);
        } else {
            segments.add(key.substring(0, open));
            int at = open;
            while (at < key.length()) {
                int close = key.indexOf(']', at);
                if (key.charAt(at) != '[' || close < 0) {
                    throw Errors.invalid(shorten(key), "The form key \"" + shorten(key) + "\" has unbalanced brackets.");
                }
                segments.add(key.substring(at + 1, close));
                at = close + 1;
            }
        }
        if (segments.get(0).isEmpty()) {
            throw Errors.invalid(shorten(key), "The form key \"" + shorten(key) + "\" has no name.");
        }
        if (segments.size() > MAX_DEPTH) {
            throw Errors.invalid(shorten(key), "The form key \"" + shorten(key) + "\" nests deeper than " + MAX_DEPTH + " levels.");
        }
        return segments;
    }

    private static void put(ObjectNode root, String key, List<String> path, String value) {
        JsonNode container = root;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            boolean last = i == path.size() - 1;
            String next = last ? null : path.get(i + 1);
            if (container instanceof ArrayNode array) {
                if (!segment.isEmpty()) {
                    throw Errors.invalid(shorten(key), "The form key \"" + shorten(key) + "\" mixes [] with named keys.");
                }
                if (last) {
                    array.add(value);
                } else {
                    container = array.add(newContainer(next)).get(array.size() - 1);
                }
                continue;
            }
            ObjectNode object = (ObjectNode) container;
            if (segment.isEmpty()) {
                throw Errors.invalid(shorten(key), "The form key \"" + shorten(key) + "\" appends with [] to an object.");
            }
            JsonNode existing = object.get(segment);
            if (last) {
                if (existing != null) {
                    throw Errors.invalid(shorten(key), "The form field \"" + shorten(key) + "\" is given more than once.");
                }
                object.put(segment, value);
            } else if (existing == null) {
                container = object.set(segment, newContainer(next)).get(segment);
            } else if (existing.isTextual() || (existing.isArray() != next.isEmpty())) {
                throw Errors.invalid(shorten(key), "The form field \"" + shorten(key)
                        + "\" is given both as a value and as an object, or as an object and a list.");
            } else {
                container = existing;
            }
        }
    }

    private static JsonNode newContainer(String nextSegment) {
        return nextSegment.isEmpty() ? JSON.arrayNode() : JSON.objectNode();
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
