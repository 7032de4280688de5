package org.pingppopenapi.client.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingppopenapi.client.build.ApiDescription.Operation;
import org.pingppopenapi.client.build.ApiDescription.Parameter;

/**
 * The client's shape, derived from the operations by one naming rule (the README states it for users):
 * <ol>
 *   <li>The path after {@code /v1} names the service. A leading {@code /apps/{app_id}} is the app scope: the app comes
 *       from {@code RequestOptions.appId} (per call, or the client's default) rather than from an argument.</li>
 *   <li>Each remaining literal segment is a service, nested in the one before it: {@code /charges/{charge_id}/refunds}
 *       is {@code charges().refunds()}; each {@code {parameter}} is an argument of the methods, in path order.</li>
 *   <li>The method is the operation's verb, the first word of its {@code operationId}: {@code createChargeRefund} is
 *       {@code create}, {@code cancelOrder} (a {@code PUT}) is {@code cancel}.</li>
 *   <li>A last literal segment that is the verb itself is an action on the service before it:
 *       {@code POST /orders/{order_id}/pay} ({@code payOrder}) is {@code orders().pay(orderId, ...)}.</li>
 *   <li>The arguments: the path parameters, then the query parameters as one {@code <OperationId>Params} (built with
 *       a builder; an overload leaves it out when none is required), then the body model, then
 *       {@code RequestOptions} (an overload leaves it out).</li>
 *   <li>A list answer ({@code data} and {@code has_more}) of an operation with cursor ({@code starting_after}) or page
 *       ({@code page}) parameters is a {@code Page} of its items.</li>
 * </ol>
 * Two operations that would get the same method, a name that is no Java identifier, or a query parameter of a type
 * the client cannot send stop the build with a message naming the operation.
 */
final class ClientLayout {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");
    /** The methods of {@code Object} that take no argument: a service method of one of these names must take some. */
    private static final Set<String> RESERVED_METHODS = Set.of("hashCode", "toString", "getClass", "notify",
            "notifyAll", "wait", "clone", "finalize");
    static final String APP_ID = "app_id";

    enum Paging { NONE, CURSOR, PAGE }

    /** A query parameter as a field of the generated params class. */
    record QueryField(String wireName, String javaName, String type, String elementType, boolean required,
            String description, JsonNode schema) {

        boolean isList() {
            return elementType != null;
        }
    }

    /** The generated class holding the query parameters of one operation. */
    record ParamsClass(String simpleName, Operation operation, List<QueryField> fields) {

        boolean anyRequired() {
            return fields.stream().anyMatch(QueryField::required);
        }
    }

    /** A path parameter passed as an argument. */
    record PathArgument(String wireName, String javaName, String description) {
    }

    /**
     * One operation as a method of its service.
     *
     * @param responseClass the model of the answer (the list model for a page), or null when there is no body
     * @param itemClass     the model of a page's items, or null
     */
    record Method(Operation operation, String name, boolean appScoped, List<PathArgument> pathArguments,
            ParamsClass params, String bodyClass, boolean bodyRequired, String responseClass, Paging paging,
            String itemClass) {

        String constant() {
            return upperSnake(operation.id());
        }

        /** The Java type the synchronous method returns. */
        String returnType() {
            if (paging != Paging.NONE) {
                return "org.pingppopenapi.client.Page<" + itemClass + ">";
            }
            return responseClass != null ? responseClass : "java.lang.Void";
        }
    }

    /** A service: the operations on one path of literal segments, and the services nested in it. */
    static final class Service {

        final List<String> segments;
        final List<Method> methods = new ArrayList<>();
        final Map<String, Service> children = new LinkedHashMap<>();

        Service(List<String> segments) {
            this.segments = List.copyOf(segments);
        }

        /** {@code ChargesRefunds} for {@code /charges/{id}/refunds}. */
        String baseName() {
            StringBuilder name = new StringBuilder();
            segments.forEach(segment -> name.append(pascal(segment)));
            return name.toString();
        }

        String interfaceName() {
            return baseName() + "Service";
        }

        String asyncInterfaceName() {
            return baseName() + "ServiceAsync";
        }

        String accessor() {
            return camel(segments.get(segments.size() - 1));
        }

        /** The path of the service as users see it, e.g. {@code charges().refunds()}. */
        String chain() {
            StringBuilder chain = new StringBuilder();
            for (String segment : segments) {
                chain.append(chain.length() == 0 ? "" : ".").append(camel(segment)).append("()");
            }
            return chain.toString();
        }

        /** Every service of this tree, parents first. */
        List<Service> tree() {
            List<Service> all = new ArrayList<>();
            all.add(this);
            children.values().forEach(child -> all.addAll(child.tree()));
            return all;
        }
    }

    private final ApiDescription api;
    private final Models models;
    private final Map<String, Service> roots = new LinkedHashMap<>();

    ClientLayout(ApiDescription api, Models models) {
        this.api = api;
        this.models = models;
        for (Operation operation : api.operations()) {
            place(operation);
        }
        roots.values().forEach(root -> root.tree().forEach(ClientLayout::checkNames));
    }

    /** The top-level services, as the client's accessors list them. */
    List<Service> roots() {
        return List.copyOf(roots.values());
    }

    List<Service> services() {
        List<Service> all = new ArrayList<>();
        roots.values().forEach(root -> all.addAll(root.tree()));
        return all;
    }

    List<Method> methods() {
        return services().stream().flatMap(service -> service.methods.stream()).toList();
    }

    private void place(Operation operation) {
        String path = operation.path();
        if (!path.startsWith("/v1/")) {
            throw fail(operation, "its path does not start with /v1/");
        }
        List<String> segments = new ArrayList<>(List.of(path.substring("/v1/".length()).split("/")));
        boolean appScoped = segments.size() > 2 && segments.get(0).equals("apps")
                && segments.get(1).equals("{" + APP_ID + "}");
        if (appScoped) {
            segments = segments.subList(2, segments.size());
        }
        String verb = verb(operation.id());
        String last = segments.get(segments.size() - 1);
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean action = i == segments.size() - 1 && !isParameter(segment) && camel(segment).equals(verb)
                    && !literals.isEmpty();
            if (!isParameter(segment) && !action) {
                literals.add(segment);
            }
        }
        if (literals.isEmpty()) {
            throw fail(operation, "its path names no resource");
        }
        Service service = roots.computeIfAbsent(literals.get(0), first -> new Service(List.of(first)));
        for (int i = 1; i < literals.size(); i++) {
            List<String> prefix = literals.subList(0, i + 1);
            service = service.children.computeIfAbsent(literals.get(i), segment -> new Service(prefix));
        }
        Map<String, Parameter> pathParameters = new HashMap<>();
        operation.in("path").forEach(parameter -> pathParameters.put(parameter.name(), parameter));
        List<PathArgument> arguments = new ArrayList<>();
        for (String segment : segments) {
            if (isParameter(segment)) {
                String name = segment.substring(1, segment.length() - 1);
                Parameter parameter = pathParameters.get(name);
                if (parameter == null) {
                    throw fail(operation, "its path parameter {" + name + "} is not declared");
                }
                arguments.add(new PathArgument(name, identifier(operation, camel(name)), parameter.description()));
            }
        }
        if (last.isEmpty()) {
            throw fail(operation, "its path ends with /");
        }
        ParamsClass params = params(operation);
        String bodyClass = operation.body() != null ? models.className(operation.body().schema()) : null;
        Paging paging = Paging.NONE;
        String itemClass = null;
        String responseClass = operation.response() != null ? models.className(operation.response()) : null;
        if (operation.response() != null && params != null) {
            JsonNode list = api.schema(operation.response()).path("properties");
            String item = ApiDescription.schemaName(list.path("data").path("items"));
            boolean isList = list.has("has_more") && item != null;
            boolean cursor = params.fields().stream().anyMatch(field -> field.wireName().equals("starting_after"));
            boolean page = params.fields().stream().anyMatch(field -> field.wireName().equals("page"));
            if (isList && (cursor || page)) {
                paging = cursor ? Paging.CURSOR : Paging.PAGE;
                itemClass = models.className(item);
                if (cursor && !api.schema(item).path("properties").has("id")) {
                    throw fail(operation, "its items (" + item + ") have no id to page on with starting_after");
                }
            }
        }
        service.methods.add(new Method(operation, identifier(operation, verb), appScoped, List.copyOf(arguments),
                params, bodyClass, operation.body() != null && operation.body().required(), responseClass, paging,
                itemClass));
    }

    private ParamsClass params(Operation operation) {
        List<QueryField> fields = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            String javaName = identifier(operation, camel(parameter.name()));
            JsonNode schema = parameter.schema();
            String type;
            String elementType = null;
            if (schema.path("type").asText().equals("array")) {
                elementType = scalarType(operation, parameter.name(), api.resolve(schema.path("items")));
                type = "java.util.List<" + elementType + ">";
            } else {
                type = scalarType(operation, parameter.name(), schema);
            }
            fields.add(new QueryField(parameter.name(), javaName, type, elementType, parameter.required(),
                    parameter.description(), schema));
        }
        if (fields.isEmpty()) {
            return null;
        }
        Set<String> names = new java.util.HashSet<>();
        for (QueryField field : fields) {
            if (!names.add(field.javaName())) {
                throw fail(operation, "two query parameters are both named " + field.javaName() + " in Java");
            }
        }
        return new ParamsClass(pascal(operation.id()) + "Params", operation, List.copyOf(fields));
    }

    private static String scalarType(Operation operation, String parameter, JsonNode schema) {
        return switch (schema.path("type").asText()) {
            case "string" -> "String";
            case "integer" -> schema.path("format").asText().equals("int64") ? "Long" : "Integer";
            case "number" -> "java.math.BigDecimal";
            case "boolean" -> "Boolean";
            default -> throw fail(operation, "its query parameter " + parameter + " is of type '"
                    + schema.path("type").asText() + "'; the client sends strings, integers, numbers, booleans and"
                    + " arrays of them");
        };
    }

    private static void checkNames(Service service) {
        Map<String, Method> taken = new HashMap<>();
        for (Method method : service.methods) {
            List<String> signatures = signatures(method);
            if (method.name().equals("equals") || service.children.containsKey(method.name())
                    || RESERVED_METHODS.contains(method.name()) && signatures.contains(method.name() + "()")) {
                throw fail(method.operation(), "its method " + method.name() + " would clash in " + service.interfaceName());
            }
            for (String signature : signatures) {
                Method other = taken.put(signature, method);
                if (other != null) {
                    throw fail(method.operation(), "it gets the same method as " + other.operation().id() + ": "
                            + service.chain() + "." + signature + ". Name the operations apart (their operationId's"
                            + " first word is the method)");
                }
            }
        }
        for (String child : service.children.keySet()) {
            if (RESERVED_METHODS.contains(camel(child)) || KEYWORDS.contains(camel(child))) {
                throw new IllegalArgumentException("The service " + child + " of " + service.interfaceName()
                        + " cannot be an accessor named " + camel(child));
            }
        }
    }

    /** The erased signatures a method declares (with and without its optional arguments). */
    private static List<String> signatures(Method method) {
        List<String> types = new ArrayList<>();
        method.pathArguments().forEach(argument -> types.add("String"));
        List<String> signatures = new ArrayList<>();
        List<String> full = new ArrayList<>(types);
        if (method.params() != null) {
            full.add(method.params().simpleName());
        }
        if (method.bodyClass() != null) {
            full.add(method.bodyClass());
        }
        signatures.add(method.name() + "(" + String.join(",", full) + ")");
        List<String> withOptions = new ArrayList<>(full);
        withOptions.add("RequestOptions");
        signatures.add(method.name() + "(" + String.join(",", withOptions) + ")");
        if (method.params() != null && !method.params().anyRequired()) {
            List<String> without = new ArrayList<>(types);
            if (method.bodyClass() != null) {
                without.add(method.bodyClass());
            }
            signatures.add(method.name() + "(" + String.join(",", without) + ")");
        }
        return signatures.stream().distinct().toList();
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** The verb of an operation id: its first word, {@code create} of {@code createChargeRefund}. */
    static String verb(String operationId) {
        int end = 0;
        while (end < operationId.length() && Character.isLowerCase(operationId.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("The operationId " + operationId + " does not start with a lower-case verb");
        }
        return operationId.substring(0, end);
    }

    private static String identifier(Operation operation, String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) || KEYWORDS.contains(name)
                || !name.chars().allMatch(Character::isJavaIdentifierPart)) {
            throw fail(operation, "'" + name + "' is not a Java identifier");
        }
        return name;
    }

    static IllegalArgumentException fail(Operation operation, String why) {
        return new IllegalArgumentException("The client cannot be generated for " + operation.id() + " ("
                + operation.method() + " " + operation.path() + "): " + why);
    }

    /** {@code app[id]} and {@code starting_after} as {@code appId} and {@code startingAfter}. */
    static String camel(String name) {
        String pascal = pascal(name);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    static String pascal(String name) {
        StringBuilder result = new StringBuilder();
        for (String word : name.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                result.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return result.toString();
    }

    /** {@code createCharge} as {@code CREATE_CHARGE}. */
    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
