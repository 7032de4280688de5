package org.pingppopenapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pingppopenapi.sandbox.domain.SpecDocument;

/** The request body schema of each operation of the spec, found by method and request path. */
final class RequestSchemas {

    private final List<Route> routes = new ArrayList<>();

    RequestSchemas() {
        Iterator<Map.Entry<String, JsonNode>> paths = SpecDocument.root().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Pattern pattern = Pattern.compile(path.getKey().replaceAll("\\{[^/}]+}", "[^/]+") + "/?");
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode schema = operation.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT), pattern,
                            SpecDocument.resolve(schema.path("$ref").asText(null))));
                }
            }
        }
    }

    /** The body schema of the operation at {@code method} and {@code rawPath}, if it takes a body. */
    Optional<JsonNode> bodySchema(String method, String rawPath) {
        for (Route route : routes) {
            if (route.method.equals(method) && route.path.matcher(rawPath).matches()) {
                return Optional.of(route.schema);
            }
        }
        return Optional.empty();
    }

    private record Route(String method, Pattern path, JsonNode schema) {
    }
}
