package org.pingppopenapi.spec;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The house rules of the Ping++ spec, one static check per rule, each returning every breach it finds (never
 * just the first). {@link HouseRule} is the catalogue that names them.
 */
final class SpecRules {

    static final String OPENAPI_VERSION = "3.0.3";
    static final String SERVER_URL = "https://api.pingxx.com";
    static final String PATH_PREFIX = "/v1/";
    static final Pattern OPERATION_ID = Pattern.compile("^[a-z][a-zA-Z0-9]+$");
    static final List<String> ERROR_STATUSES = List.of("400", "401", "402", "403", "404", "500", "502", "503", "504");
    static final String ERROR_SCHEMA_REF = "#/components/schemas/Error";
    static final String JSON = "application/json";
    static final Set<String> INTEGER_FORMATS = Set.of("int32", "int64");
    /** Money and timestamps: 32 bits run out (amounts in fen, Unix seconds after 2038), so they must be int64. */
    static final Pattern MONEY_OR_TIME_PROPERTY = Pattern.compile("amount|.+_amount|created|time_.+");
    /** On a property: the value is the id of the named schema, or that schema itself when expanded. */
    static final String EXPANDABLE = "x-pingpp-expandable";
    static final List<String> COMPONENT_TYPES =
            List.of("schemas", "parameters", "responses", "examples", "requestBodies", "headers", "securitySchemes");

    /** The response-signature header every 2xx answer carries, declared once in components/headers. */
    static final String RESPONSE_SIGNATURE_HEADER = "X-Pingplusplus-Signature";
    static final String RESPONSE_SIGNATURE_REF = "#/components/headers/ResponseSignature";

    private static final String COMPONENT_RESPONSES = "#/components/responses/";
    private static final String COMPONENT_REQUEST_BODIES = "#/components/requestBodies/";
    private static final String COMPONENT_SCHEMAS = "#/components/schemas/";

    private SpecRules() {
    }

    static List<Violation> openapiIs303(SpecDocument spec) {
        JsonNode version = spec.tree().path("openapi");
        if (version.isString() && OPENAPI_VERSION.equals(version.stringValue())) {
            return List.of();
        }
        return List.of(new Violation("/openapi", "must be the string " + OPENAPI_VERSION + ", is " + version));
    }

    static List<Violation> oneProductionServer(SpecDocument spec) {
        JsonNode servers = spec.tree().path("servers");
        List<Violation> violations = new ArrayList<>();
        if (servers.size() != 1) {
            violations.add(new Violation("/servers", "must list exactly one server, " + SERVER_URL + "; lists " + servers.size()));
        }
        for (int i = 0; i < servers.size(); i++) {
            JsonNode url = servers.get(i).path("url");
            if (!SERVER_URL.equals(url.asString(null))) {
                violations.add(new Violation("/servers/" + i + "/url", "must be " + SERVER_URL + " (paths carry /v1), is " + url));
            }
        }
        return violations;
    }

    static List<Violation> pathsStartWithV1(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        for (String path : spec.tree().path("paths").propertyNames()) {
            if (!path.startsWith(PATH_PREFIX)) {
                violations.add(new Violation(JsonPointers.append("/paths", path), "path must start with " + PATH_PREFIX));
            }
        }
        return violations;
    }

    static List<Violation> operationIdsUniqueCamelCase(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        Map<String, OperationSite> firstUse = new HashMap<>();
        for (OperationSite site : OperationSite.all(spec.model())) {
            String operationId = site.operation().getOperationId();
            if (operationId == null || operationId.isBlank()) {
                violations.add(new Violation(site.pointer(), "has no operationId"));
                continue;
            }
            String pointer = site.pointer() + "/operationId";
            if (!OPERATION_ID.matcher(operationId).matches()) {
                violations.add(new Violation(pointer, "'" + operationId + "' is not camelCase " + OPERATION_ID.pattern()));
            }
            OperationSite first = firstUse.putIfAbsent(operationId, site);
            if (first != null) {
                violations.add(new Violation(pointer, "'" + operationId + "' is already the operationId of " + first.pointer()));
            }
        }
        return violations;
    }

    static List<Violation> oneDeclaredTagPerOperation(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        List<Tag> tags = Objects.requireNonNullElse(spec.model().getTags(), List.of());
        for (int i = 0; i < tags.size(); i++) {
            declared.add(tags.get(i).getName());
            if (isBlank(tags.get(i).getDescription())) {
                violations.add(new Violation("/tags/" + i + "/description", "tag '" + tags.get(i).getName() + "' needs a description"));
            }
        }
        for (OperationSite site : OperationSite.all(spec.model())) {
            List<String> operationTags = Objects.requireNonNullElse(site.operation().getTags(), List.of());
            if (operationTags.size() != 1) {
                violations.add(new Violation(site.pointer() + "/tags", "must have exactly one tag, has " + operationTags));
            }
            for (String tag : operationTags) {
                if (!declared.contains(tag)) {
                    violations.add(new Violation(site.pointer() + "/tags", "tag '" + tag + "' is not declared in the top-level tags"));
                }
            }
        }
        return violations;
    }

    static List<Violation> summaryAndDescription(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        for (OperationSite site : OperationSite.all(spec.model())) {
            if (isBlank(site.operation().getSummary())) {
                violations.add(new Violation(site.pointer() + "/summary", "needs a non-blank summary"));
            }
            if (isBlank(site.operation().getDescription())) {
                violations.add(new Violation(site.pointer() + "/description", "needs a non-blank description"));
            }
        }
        return violations;
    }

    static List<Violation> standardErrorResponses(SpecDocument spec) {
        Set<Violation> violations = new LinkedHashSet<>();
        for (OperationSite site : OperationSite.all(spec.model())) {
            Map<String, ApiResponse> responses = Objects.requireNonNullElse(site.operation().getResponses(), Map.of());
            for (String status : ERROR_STATUSES) {
                String pointer = JsonPointers.append(site.pointer(), "responses", status);
                ApiResponse response = responses.get(status);
                if (response == null) {
                    violations.add(new Violation(pointer, "missing; every operation declares " + ERROR_STATUSES));
                } else if (response.get$ref() == null || !response.get$ref().startsWith(COMPONENT_RESPONSES)) {
                    violations.add(new Violation(pointer, "must be a $ref to " + COMPONENT_RESPONSES + "..., is "
                            + (response.get$ref() == null ? "inline" : response.get$ref())));
                } else {
                    errorResponseComponent(spec.model(), response.get$ref()).ifPresent(violations::add);
                }
            }
        }
        return List.copyOf(violations);
    }

    /** The component a standard error response points at must carry the shared Error envelope as its JSON schema. */
    private static Optional<Violation> errorResponseComponent(OpenAPI model, String ref) {
        String name = ref.substring(COMPONENT_RESPONSES.length());
        String pointer = ref.substring(1);
        ApiResponse component = Objects.requireNonNullElse(components(model).getResponses(), Map.<String, ApiResponse>of()).get(name);
        if (component == null) {
            return Optional.of(new Violation(pointer, "is referenced but not declared"));
        }
        Schema<?> schema = jsonSchema(component.getContent());
        if (schema == null || !ERROR_SCHEMA_REF.equals(schema.get$ref())) {
            return Optional.of(new Violation(JsonPointers.append(pointer, "content", JSON, "schema"),
                    "an error response's application/json schema must be $ref " + ERROR_SCHEMA_REF
                            + ", is " + (schema == null ? "missing" : describe(schema))));
        }
        return Optional.empty();
    }

    static List<Violation> jsonSuccessResponse(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        for (OperationSite site : OperationSite.all(spec.model())) {
            boolean found = successResponses(spec.model(), site).values().stream()
                    .anyMatch(response -> jsonSchema(response.response().getContent()) != null);
            if (!found) {
                violations.add(new Violation(site.pointer() + "/responses", "needs a 2xx response with an " + JSON + " schema"));
            }
        }
        return violations;
    }

    /**
     * Ping++ signs every 2xx answer ({@value #RESPONSE_SIGNATURE_HEADER}, verified by pingpp-java 2.5+), so every 2xx
     * response of every operation declares that header through the one shared component: a resource added later
     * cannot leave it out.
     */
    static List<Violation> successResponsesDeclareTheSignature(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        boolean declared = Objects.requireNonNullElse(components(spec.model()).getHeaders(), Map.of())
                .containsKey(RESPONSE_SIGNATURE_REF.substring(RESPONSE_SIGNATURE_REF.lastIndexOf('/') + 1));
        for (OperationSite site : OperationSite.all(spec.model())) {
            successResponses(spec.model(), site).forEach((status, resolved) -> {
                String pointer = JsonPointers.append(resolved.pointer(), "headers", RESPONSE_SIGNATURE_HEADER);
                Header header = Objects.requireNonNullElse(resolved.response().getHeaders(), Map.<String, Header>of())
                        .get(RESPONSE_SIGNATURE_HEADER);
                if (header == null) {
                    violations.add(new Violation(pointer, "missing; every 2xx response declares the response signature"));
                } else if (!RESPONSE_SIGNATURE_REF.equals(header.get$ref())) {
                    violations.add(new Violation(pointer, "must be a $ref to " + RESPONSE_SIGNATURE_REF + ", is "
                            + (header.get$ref() == null ? "inline" : header.get$ref())));
                } else if (!declared) {
                    violations.add(new Violation(pointer, RESPONSE_SIGNATURE_REF + " is referenced but not declared"));
                }
            });
        }
        return violations;
    }

    static List<Violation> integersHaveFormat(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        for (SchemaSite site : SchemaSite.all(spec.model())) {
            Schema<?> schema = site.schema();
            boolean hasIntegerFormat = schema.getFormat() != null && INTEGER_FORMATS.contains(schema.getFormat());
            if ("integer".equals(schema.getType()) && !hasIntegerFormat) {
                violations.add(new Violation(site.pointer(), "integer needs format int32 or int64, has "
                        + (schema.getFormat() == null ? "none" : schema.getFormat())
                        + " (a format-less integer becomes a 32-bit Integer in the generated code)"));
            }
        }
        return violations;
    }

    static List<Violation> patternsAnchored(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        for (SchemaSite site : SchemaSite.all(spec.model())) {
            String pattern = site.schema().getPattern();
            if (pattern != null && !isAnchored(pattern)) {
                violations.add(new Violation(site.pointer() + "/pattern", "'" + pattern + "' must start with ^ and end with $: "
                        + "JSON Schema matches anywhere in the string, Bean Validation matches the whole string"));
            }
        }
        return violations;
    }

    /** Starts with {@code ^} and ends with an unescaped {@code $}. */
    static boolean isAnchored(String pattern) {
        if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
            return false;
        }
        int backslashes = 0;
        for (int i = pattern.length() - 2; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }

    static List<Violation> compositionsHaveDiscriminator(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        for (SchemaSite site : SchemaSite.all(spec.model())) {
            Schema<?> schema = site.schema();
            if (schema.getDiscriminator() != null) {
                continue;
            }
            if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
                violations.add(new Violation(site.pointer() + "/oneOf", "oneOf without a discriminator: the generators cannot tell the variants apart"));
            }
            if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
                violations.add(new Violation(site.pointer() + "/anyOf", "anyOf without a discriminator: the generators cannot tell the variants apart"));
            }
        }
        return violations;
    }

    static List<Violation> componentsReferenced(SpecDocument spec) {
        return ComponentReferences.of(spec.tree()).unreferencedComponents(COMPONENT_TYPES);
    }

    static List<Violation> infoComplete(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        Info info = spec.model().getInfo();
        if (info == null) {
            return List.of(new Violation("/info", "missing"));
        }
        if (isBlank(info.getVersion())) {
            violations.add(new Violation("/info/version", "needs a version"));
        }
        if (isBlank(info.getDescription())) {
            violations.add(new Violation("/info/description", "needs a description"));
        }
        Contact contact = info.getContact();
        if (contact == null || isBlank(contact.getName()) && isBlank(contact.getUrl()) && isBlank(contact.getEmail())) {
            violations.add(new Violation("/info/contact", "needs a contact with a name, url or email"));
        }
        License license = info.getLicense();
        if (license == null || isBlank(license.getName())) {
            violations.add(new Violation("/info/license", "needs a license with a name"));
        }
        return violations;
    }

    static List<Violation> moneyAndTimeAreInt64(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        for (SchemaSite site : SchemaSite.all(spec.model())) {
            if (site.propertyName() == null || !MONEY_OR_TIME_PROPERTY.matcher(site.propertyName()).matches()) {
                continue;
            }
            Schema<?> schema = followSchemaRefs(spec.model(), site.schema());
            if (!isInt64(schema) && !isInt64Range(spec.model(), schema)) {
                violations.add(new Violation(site.pointer(), "'" + site.propertyName()
                        + "' is money or a timestamp and must be integer/int64, is "
                        + (schema == null ? "an unresolvable $ref" : describe(schema))));
            }
        }
        return violations;
    }

    private static boolean isInt64(Schema<?> schema) {
        return schema != null && "integer".equals(schema.getType()) && "int64".equals(schema.getFormat());
    }

    /** A range of times ({@code created: {gt, gte, lt, lte}} in a request body): an object of int64 bounds only. */
    private static boolean isInt64Range(OpenAPI model, Schema<?> schema) {
        if (schema == null || !"object".equals(schema.getType()) || schema.getProperties() == null
                || schema.getProperties().isEmpty()) {
            return false;
        }
        return schema.getProperties().values().stream().allMatch(bound -> isInt64(followSchemaRefs(model, bound)));
    }

    static List<Violation> bodiesHaveNamedExamples(SpecDocument spec) {
        Set<Violation> violations = new LinkedHashSet<>();
        OpenAPI model = spec.model();
        for (OperationSite site : OperationSite.all(model)) {
            RequestBody body = site.operation().getRequestBody();
            if (body != null) {
                String pointer = site.pointer() + "/requestBody";
                if (body.get$ref() != null && body.get$ref().startsWith(COMPONENT_REQUEST_BODIES)) {
                    pointer = body.get$ref().substring(1);
                    body = Objects.requireNonNullElse(components(model).getRequestBodies(), Map.<String, RequestBody>of())
                            .get(body.get$ref().substring(COMPONENT_REQUEST_BODIES.length()));
                }
                if (body != null && body.getContent() != null) {
                    for (Map.Entry<String, MediaType> media : body.getContent().entrySet()) {
                        requireNamedExamples(JsonPointers.append(pointer, "content", media.getKey()), media.getValue(), violations);
                    }
                }
            }
            successResponses(model, site).forEach((status, response) -> {
                MediaType json = response.response().getContent() == null ? null : response.response().getContent().get(JSON);
                if (json != null) {
                    requireNamedExamples(JsonPointers.append(response.pointer(), "content", JSON), json, violations);
                }
            });
        }
        return List.copyOf(violations);
    }

    private static void requireNamedExamples(String pointer, MediaType media, Set<Violation> violations) {
        if (media.getExamples() == null || media.getExamples().isEmpty()) {
            violations.add(new Violation(pointer, "needs at least one named example under 'examples'"
                    + (media.getExample() != null ? " (an unnamed 'example' does not count)" : "")));
        }
    }

    @SuppressWarnings("rawtypes")
    static List<Violation> expandableFieldsWellFormed(SpecDocument spec) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Schema> schemas = Objects.requireNonNullElse(components(spec.model()).getSchemas(), Map.of());
        for (SchemaSite site : SchemaSite.all(spec.model())) {
            Schema<?> schema = site.schema();
            if (schema.getExtensions() == null || !schema.getExtensions().containsKey(EXPANDABLE)) {
                continue;
            }
            Object target = schema.getExtensions().get(EXPANDABLE);
            if (!(target instanceof String name) || !schemas.containsKey(name)) {
                violations.add(new Violation(site.pointer() + "/" + EXPANDABLE, "must name a schema in components/schemas, names " + target));
            }
            if (schema.getType() != null || schema.get$ref() != null || schema.getOneOf() != null
                    || schema.getAnyOf() != null || schema.getAllOf() != null) {
                violations.add(new Violation(site.pointer(), "an expandable field declares no type, $ref or composition: "
                        + "it is an id string or the expanded object, and the generators must see neither"));
            }
        }
        return violations;
    }

    /**
     * A response after following a {@code $ref} to components/responses.
     *
     * @param pointer where the response is declared: in the operation, or the component it refers to
     */
    record ResolvedResponse(String pointer, ApiResponse response) {
    }

    /** The operation's 2xx responses by status, in document order, each resolved. */
    static Map<String, ResolvedResponse> successResponses(OpenAPI model, OperationSite site) {
        Map<String, ResolvedResponse> result = new LinkedHashMap<>();
        Map<String, ApiResponse> responses = Objects.requireNonNullElse(site.operation().getResponses(), Map.of());
        Map<String, ApiResponse> declared = Objects.requireNonNullElse(components(model).getResponses(), Map.of());
        responses.forEach((status, response) -> {
            if (!status.matches("2(\\d\\d|XX)")) {
                return;
            }
            String ref = response.get$ref();
            if (ref == null) {
                result.put(status, new ResolvedResponse(JsonPointers.append(site.pointer(), "responses", status), response));
            } else if (ref.startsWith(COMPONENT_RESPONSES) && declared.containsKey(ref.substring(COMPONENT_RESPONSES.length()))) {
                result.put(status, new ResolvedResponse(ref.substring(1), declared.get(ref.substring(COMPONENT_RESPONSES.length()))));
            }
        });
        return result;
    }

    private static Schema<?> jsonSchema(Content content) {
        MediaType json = content == null ? null : content.get(JSON);
        return json == null ? null : json.getSchema();
    }

    /** Follows {@code $ref}s to components/schemas; null when one does not resolve or they loop. */
    @SuppressWarnings("rawtypes")
    private static Schema<?> followSchemaRefs(OpenAPI model, Schema<?> schema) {
        Map<String, Schema> schemas = Objects.requireNonNullElse(components(model).getSchemas(), Map.of());
        Set<String> seen = new HashSet<>();
        Schema<?> current = schema;
        while (current != null && current.get$ref() != null) {
            String ref = current.get$ref();
            if (!ref.startsWith(COMPONENT_SCHEMAS) || !seen.add(ref)) {
                return null;
            }
            current = schemas.get(ref.substring(COMPONENT_SCHEMAS.length()));
        }
        return current;
    }

    private static Components components(OpenAPI model) {
        return Objects.requireNonNullElseGet(model.getComponents(), Components::new);
    }

    private static String describe(Schema<?> schema) {
        if (schema.get$ref() != null) {
            return "$ref " + schema.get$ref();
        }
        if (schema.getType() == null) {
            return "untyped";
        }
        return schema.getType() + (schema.getFormat() == null ? "" : "/" + schema.getFormat());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
