package org.pingppopenapi.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of a spec, with the path item it belongs to and its JSON Pointer.
 *
 * @param path the path template as written, e.g. {@code /v1/charges/{charge_id}}
 * @param method the HTTP method
 * @param pathItem the enclosing path item (for path-level parameters)
 * @param operation the operation itself
 */
record OperationSite(String path, PathItem.HttpMethod method, PathItem pathItem, Operation operation) {

    /** Every operation of the spec, in document order. */
    static List<OperationSite> all(OpenAPI model) {
        List<OperationSite> sites = new ArrayList<>();
        if (model.getPaths() == null) {
            return sites;
        }
        for (Map.Entry<String, PathItem> path : model.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    sites.add(new OperationSite(path.getKey(), method, path.getValue(), operation)));
        }
        return sites;
    }

    /** The lower-case method name, as it appears as a key in the document. */
    String methodKey() {
        return method.name().toLowerCase(Locale.ROOT);
    }

    /** e.g. {@code /paths/~1v1~1charges/post}. */
    String pointer() {
        return JsonPointers.append("", "paths", path, methodKey());
    }

    /** The operationId, or {@code "POST /v1/charges"} when there is none, for naming things in messages. */
    String label() {
        String operationId = operation.getOperationId();
        return operationId == null || operationId.isBlank() ? method + " " + path : operationId;
    }
}
