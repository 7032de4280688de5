package org.pingppopenapi.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingppopenapi.server.PingppErrorException;
import org.pingppopenapi.spec.PingppSpec;

/**
 * Enforces the {@code enum} of the spec's query parameters ({@code listOrders?type=}, {@code expand[]=}, ...), which
 * the generated interfaces take as plain strings and integers: 400 naming the parameter for any other value. The
 * allowed values are read from the spec shipped in {@code pingpp-openapi-spec}, per operation; a filter is attached
 * only to the resource methods (named after their {@code operationId}) that have such a parameter.
 */
public final class QueryEnums implements DynamicFeature {

    /** operationId, then the parameter's name on the wire, then its allowed values as they appear in a query. */
    private final Map<String, Map<String, List<String>>> byOperation;

    private QueryEnums(Map<String, Map<String, List<String>>> byOperation) {
        this.byOperation = byOperation;
    }

    /** The query enums of the spec shipped in {@code pingpp-openapi-spec}. */
    public static QueryEnums ofBundledSpec() {
        try (InputStream in = PingppSpec.open()) {
            return of(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PingppSpec.RESOURCE_NAME, e);
        }
    }

    static QueryEnums of(JsonNode spec) {
        Map<String, Map<String, List<String>>> byOperation = new LinkedHashMap<>();
        JsonNode shared = spec.path("components").path("parameters");
        spec.path("paths").forEach(pathItem -> pathItem.properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            if (!operation.has("operationId")) {
                return; // a path-level field such as "parameters", not an operation
            }
            List<JsonNode> parameters = new ArrayList<>();
            pathItem.path("parameters").forEach(parameters::add);
            operation.path("parameters").forEach(parameters::add);
            Map<String, List<String>> enums = new LinkedHashMap<>();
            for (JsonNode parameter : parameters) {
                JsonNode resolved = parameter.has("$ref")
                        ? shared.path(parameter.get("$ref").asText().substring("#/components/parameters/".length()))
                        : parameter;
                JsonNode schema = resolved.path("schema");
                JsonNode values = schema.has("enum") ? schema.get("enum") : schema.path("items").path("enum");
                if ("query".equals(resolved.path("in").asText()) && values.isArray()) {
                    List<String> allowed = new ArrayList<>();
                    values.forEach(value -> allowed.add(value.asText()));
                    enums.put(resolved.path("name").asText(), List.copyOf(allowed));
                }
            }
            if (!enums.isEmpty()) {
                byOperation.put(operation.get("operationId").asText(), Map.copyOf(enums));
            }
        }));
        return new QueryEnums(Map.copyOf(byOperation));
    }

    /** The operations with at least one enum'd query parameter. */
    Set<String> operations() {
        return byOperation.keySet();
    }

    /** The enum'd query parameters of an operation, by wire name; empty when it has none. */
    Map<String, List<String>> of(String operationId) {
        return byOperation.getOrDefault(operationId, Map.of());
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Map<String, List<String>> enums = of(resourceInfo.getResourceMethod().getName());
        if (!enums.isEmpty()) {
            context.register(new Check(enums));
        }
    }

    /** The check of one operation's query parameters. */
    @Priority(Priorities.USER)
    static final class Check implements ContainerRequestFilter {
        private final Map<String, List<String>> enums;

        Check(Map<String, List<String>> enums) {
            this.enums = enums;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getUriInfo().getRequestUri().getRawQuery() == null) {
                return;
            }
            Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
            enums.forEach((name, allowed) -> {
                for (String value : query.getOrDefault(name, List.of())) {
                    if (!allowed.contains(value)) {
                        throw PingppErrorException.invalidParameter(name,
                                name + " must be one of " + allowed + ", not " + value + ".");
                    }
                }
            });
        }
    }
}
