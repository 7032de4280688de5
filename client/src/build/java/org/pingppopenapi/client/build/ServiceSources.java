package org.pingppopenapi.client.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pingppopenapi.client.build.ApiDescription.Operation;
import org.pingppopenapi.client.build.ClientLayout.Method;
import org.pingppopenapi.client.build.ClientLayout.Paging;
import org.pingppopenapi.client.build.ClientLayout.ParamsClass;
import org.pingppopenapi.client.build.ClientLayout.PathArgument;
import org.pingppopenapi.client.build.ClientLayout.QueryField;
import org.pingppopenapi.client.build.ClientLayout.Service;

/**
 * Writes what the client is made of besides the models, for the {@link ClientLayout}:
 * <ul>
 *   <li>{@code param}: one immutable {@code <OperationId>Params} with a builder per operation with query parameters;</li>
 *   <li>{@code service}: one interface per service, synchronous ({@code ChargesService}) and asynchronous
 *       ({@code ChargesServiceAsync}), with the overloads that leave out optional arguments as default methods;</li>
 *   <li>{@code PingppServices} and {@code PingppAsyncServices}: the accessors of the top-level services;</li>
 *   <li>{@code internal.generated}: the operation descriptors, the query encoders, the implementations (one call of
 *       the requestor each), the event object types of the spec's discriminator, and an index of every
 *       operation;</li>
 *   <li>{@code model}: the {@code Expandable} fields of {@code x-pingpp-expandable}.</li>
 * </ul>
 */
final class ServiceSources {

    static final String CLIENT = "org.pingppopenapi.client";
    static final String PARAM = CLIENT + ".param";
    static final String SERVICE = CLIENT + ".service";
    static final String GENERATED = CLIENT + ".internal.generated";
    private static final String INTERNAL = CLIENT + ".internal";
    private static final String OPTIONS = CLIENT + ".RequestOptions";
    private static final String FUTURE = "java.util.concurrent.CompletableFuture";

    private final ApiDescription api;
    private final Models models;
    private final ClientLayout layout;

    ServiceSources(ApiDescription api, Models models, ClientLayout layout) {
        this.api = api;
        this.models = models;
        this.layout = layout;
    }

    void writeTo(Path root) {
        for (Method method : layout.methods()) {
            if (method.params() != null) {
                params(method.params()).writeTo(root);
            }
        }
        for (Service service : layout.services()) {
            serviceInterface(service, false).writeTo(root);
            serviceInterface(service, true).writeTo(root);
            operations(service).writeTo(root);
            implementation(service, false).writeTo(root);
            implementation(service, true).writeTo(root);
        }
        accessors(false).writeTo(root);
        accessors(true).writeTo(root);
        eventObjectTypes().writeTo(root);
        operationIndex().writeTo(root);
        models.expandables().forEach((name, target) -> expandable(name, target).writeTo(root));
    }

    // ---------------------------------------------------------------------------------------------- params

    private JavaFile params(ParamsClass params) {
        String name = params.simpleName();
        Operation operation = params.operation();
        JavaFile file = new JavaFile(PARAM, name);
        file.javadoc(List.of("The query parameters of <code>" + operation.method() + " " + operation.path() + "</code> ("
                        + JavaFile.doc(operation.summary()) + ", operation <code>" + operation.id() + "</code>).",
                "Immutable; made with {@link #builder()}, changed into a new one with {@link #toBuilder()}. A parameter"
                        + " left unset is not sent."), List.of());
        file.line(JavaFile.GENERATED);
        file.open("public final class " + name);
        for (QueryField field : params.fields()) {
            file.line("private final " + field.type() + " " + field.javaName() + ";");
        }
        file.line();
        file.open("private " + name + "(Builder builder)");
        for (QueryField field : params.fields()) {
            file.line("this." + field.javaName() + " = builder." + field.javaName() + ";");
        }
        file.close().line();
        file.javadoc("A builder with no parameter set.");
        file.open("public static Builder builder()").line("return new Builder();").close().line();
        file.javadoc("A builder holding these parameters.");
        file.open("public Builder toBuilder()").line("Builder builder = new Builder();");
        for (QueryField field : params.fields()) {
            file.line("builder." + field.javaName() + " = " + field.javaName() + ";");
        }
        file.line("return builder;").close();
        for (QueryField field : params.fields()) {
            file.line();
            file.javadoc(List.of(fieldDoc(field)), List.of("@return the value, or null when it is not set"));
            file.open("public " + field.type() + " " + field.javaName() + "()").line("return " + field.javaName() + ";").close();
        }
        file.line();
        file.line("@Override");
        file.open("public boolean equals(Object other)");
        file.open("if (!(other instanceof " + name + " that))").line("return false;").close();
        List<String> comparisons = new ArrayList<>();
        params.fields().forEach(field -> comparisons.add("java.util.Objects.equals(" + field.javaName() + ", that."
                + field.javaName() + ")"));
        file.line("return " + String.join("\n                && ", comparisons) + ";");
        file.close().line();
        file.line("@Override");
        List<String> names = params.fields().stream().map(QueryField::javaName).toList();
        file.open("public int hashCode()").line("return java.util.Objects.hash(" + String.join(", ", names) + ");").close();
        file.line();
        file.javadoc("The parameters set, as they are named on the wire.");
        file.line("@Override");
        file.open("public String toString()");
        file.line("StringBuilder text = new StringBuilder(" + JavaFile.literal(name + "{") + ");");
        for (QueryField field : params.fields()) {
            file.open("if (" + field.javaName() + " != null)");
            file.line("text.append(text.charAt(text.length() - 1) == '{' ? \"\" : \", \").append("
                    + JavaFile.literal(field.wireName() + "=") + ").append(" + field.javaName() + ");");
            file.close();
        }
        file.line("return text.append('}').toString();");
        file.close().line();
        file.javadoc("Builds {@link " + name + "}; not thread-safe.");
        file.open("public static final class Builder");
        for (QueryField field : params.fields()) {
            file.line("private " + field.type() + " " + field.javaName() + ";");
        }
        file.line();
        file.open("private Builder()").close();
        for (QueryField field : params.fields()) {
            file.line();
            file.javadoc(List.of(fieldDoc(field)), List.of("@return this builder"));
            if (field.isList()) {
                file.open("public Builder " + field.javaName() + "(" + field.elementType() + "... " + field.javaName() + ")");
                file.line("this." + field.javaName() + " = " + field.javaName() + " == null ? null : java.util.List.of("
                        + field.javaName() + ");");
            } else {
                file.open("public Builder " + field.javaName() + "(" + setterType(field.type()) + " " + field.javaName() + ")");
                file.line("this." + field.javaName() + " = " + field.javaName() + ";");
            }
            file.line("return this;").close();
        }
        file.line();
        file.javadoc("The parameters; required ones left unset are reported when the call is made, before anything is sent.");
        file.open("public " + name + " build()").line("return new " + name + "(this);").close();
        file.close();
        file.close();
        return file;
    }

    /** Integers and booleans are set as primitives, so that {@code limit(20)} and {@code createdGte(1410834527)} compile. */
    private static String setterType(String type) {
        return switch (type) {
            case "Integer" -> "int";
            case "Long" -> "long";
            case "Boolean" -> "boolean";
            default -> type;
        };
    }

    private static String fieldDoc(QueryField field) {
        StringBuilder doc = new StringBuilder("<code>").append(JavaFile.doc(field.wireName())).append("</code>");
        if (field.required()) {
            doc.append(" (required)");
        }
        if (field.description() != null) {
            doc.append(": ").append(JavaFile.doc(field.description()));
        }
        JsonNode values = field.isList() ? field.schema().path("items").path("enum") : field.schema().path("enum");
        if (values.isArray() && !values.isEmpty()) {
            List<String> each = new ArrayList<>();
            values.forEach(value -> each.add("<code>" + JavaFile.doc(value.asText()) + "</code>"));
            doc.append(" One of ").append(String.join(", ", each)).append('.');
        }
        return doc.toString();
    }

    // ---------------------------------------------------------------------------------------------- services

    private JavaFile serviceInterface(Service service, boolean async) {
        String name = async ? service.asyncInterfaceName() : service.interfaceName();
        JavaFile file = new JavaFile(SERVICE, name);
        file.javadoc(List.of(serviceDoc(service) + (async ? " Asynchronous: every call returns at once with a"
                        + " {@link java.util.concurrent.CompletableFuture} of its result, completed with the same"
                        + " result or exception as the synchronous call." : ""),
                "Reached with <code>client." + (async ? "async()." : "") + service.chain() + "</code>; thread-safe."),
                List.of());
        file.line(JavaFile.GENERATED);
        file.open("public interface " + name);
        for (Service child : service.children.values()) {
            file.line();
            file.javadoc(serviceDoc(child));
            file.line((async ? child.asyncInterfaceName() : child.interfaceName()) + " " + child.accessor() + "();");
        }
        for (Method method : service.methods) {
            String returns = async ? FUTURE + "<" + method.returnType() + ">" : method.returnType();
            List<Argument> full = arguments(method);
            for (List<Argument> variant : variants(method)) {
                file.line();
                file.javadoc(List.of("Calls {@link #" + method.name() + "(" + erasure(full) + ")} with "
                        + leftOut(full, variant) + "."), List.of());
                List<String> passed = new ArrayList<>();
                for (Argument argument : full) {
                    passed.add(variant.contains(argument) ? argument.name() : "null");
                }
                passed.add("null");
                file.open("default " + returns + " " + method.name() + "(" + declare(variant) + ")");
                file.line("return " + method.name() + "(" + String.join(", ", passed) + ");");
                file.close();
            }
            file.line();
            List<String> tags = new ArrayList<>();
            for (Argument argument : full) {
                tags.add("@param " + argument.name() + " " + argument.doc());
            }
            tags.add("@param options what to change for this call (API key, app, timeouts, headers, pre-flight"
                    + " checks); null for the client's own");
            tags.add("@return " + returnDoc(method, async));
            file.javadoc(List.of(nonNull(JavaFile.doc(method.operation().summary()), method.operation().id()) + ".",
                    nonNull(JavaFile.doc(method.operation().description()), ""),
                    "<code>" + method.operation().method() + " " + method.operation().path() + "</code> (operation <code>"
                            + method.operation().id() + "</code>)." + (method.appScoped() ? " The app is the call's"
                            + " <code>RequestOptions.appId</code>, or the client's." : "")), tags);
            List<Argument> withOptions = new ArrayList<>(full);
            withOptions.add(Argument.OPTIONS);
            file.line(returns + " " + method.name() + "(" + declare(withOptions) + ");");
        }
        file.close();
        return file;
    }

    private String serviceDoc(Service service) {
        for (Method method : service.methods) {
            for (String tag : method.operation().tags()) {
                String description = api.tagDescription(tag);
                if (description != null) {
                    return JavaFile.doc(description);
                }
            }
        }
        return "The operations under <code>/" + String.join("/", service.segments) + "</code>.";
    }

    private static String returnDoc(Method method, boolean async) {
        String what = switch (method.paging()) {
            case CURSOR -> "a page of the list (cursor pagination), able to fetch the rest";
            case PAGE -> "a page of the list (numbered pages), able to fetch the rest";
            case NONE -> method.responseClass() != null
                    ? "the " + method.responseClass().substring(method.responseClass().lastIndexOf('.') + 1)
                    : "nothing (the answer has no body)";
        };
        return async ? "a future of " + what : what;
    }

    /** An argument of a generated method. */
    private record Argument(String type, String name, String doc, boolean optional) {

        static final Argument OPTIONS = new Argument(ServiceSources.OPTIONS, "options", "", true);
    }

    private static List<Argument> arguments(Method method) {
        List<Argument> arguments = new ArrayList<>();
        for (PathArgument path : method.pathArguments()) {
            arguments.add(new Argument("String", path.javaName(), nonNull(JavaFile.doc(path.description()),
                    "<code>" + path.wireName() + "</code>") + " (required)", false));
        }
        if (method.params() != null) {
            arguments.add(new Argument(PARAM + "." + method.params().simpleName(), "params",
                    "the query parameters" + (method.params().anyRequired() ? " (required: they include required ones)"
                            : "; null for none"), !method.params().anyRequired()));
        }
        if (method.bodyClass() != null) {
            arguments.add(new Argument(method.bodyClass(), "request", "the body" + (method.bodyRequired()
                    ? " (required)" : "; null for none"), !method.bodyRequired()));
        }
        return arguments;
    }

    /**
     * The shorter overloads: without the params when none is required, and without an optional body (together with
     * the params when there are any), so that no two overloads take the same number of arguments and
     * {@code retrieve(id, null)} always compiles.
     */
    private static List<List<Argument>> variants(Method method) {
        List<Argument> full = arguments(method);
        List<List<Argument>> variants = new ArrayList<>();
        variants.add(full);
        Argument params = full.stream().filter(argument -> argument.name().equals("params")).findFirst().orElse(null);
        Argument body = full.stream().filter(argument -> argument.name().equals("request")).findFirst().orElse(null);
        if (params != null && params.optional()) {
            variants.add(without(full, params, null));
        }
        if (body != null && body.optional() && (params == null || params.optional())) {
            variants.add(without(full, params, body));
        }
        return variants;
    }

    private static List<Argument> without(List<Argument> arguments, Argument first, Argument second) {
        return arguments.stream().filter(argument -> argument != first && argument != second).toList();
    }

    private static String leftOut(List<Argument> full, List<Argument> variant) {
        List<String> left = new ArrayList<>();
        for (Argument argument : full) {
            if (!variant.contains(argument)) {
                left.add(argument.name().equals("params") ? "no query parameters" : "no body");
            }
        }
        left.add("the client's options");
        return String.join(" and ", left);
    }

    private static String declare(List<Argument> arguments) {
        return String.join(", ", arguments.stream().map(argument -> argument.type() + " " + argument.name()).toList());
    }

    private static String erasure(List<Argument> arguments) {
        List<String> types = new ArrayList<>();
        arguments.forEach(argument -> types.add(argument.type()));
        types.add(OPTIONS);
        return String.join(", ", types);
    }

    // ---------------------------------------------------------------------------------------------- internals

    private JavaFile operations(Service service) {
        String name = service.baseName() + "Operations";
        JavaFile file = new JavaFile(GENERATED, name);
        file.javadoc("The operations of {@link " + SERVICE + "." + service.interfaceName() + "} and their query encoders.");
        file.line(JavaFile.GENERATED);
        file.open("final class " + name);
        for (Method method : service.methods) {
            Operation operation = method.operation();
            file.line();
            StringBuilder descriptor = new StringBuilder(INTERNAL + ".Operation.builder(" + JavaFile.literal(operation.id())
                    + ", " + JavaFile.literal(operation.method()) + ", " + JavaFile.literal(operation.path()) + ")");
            if (method.bodyClass() != null) {
                descriptor.append("\n            .body(").append(method.bodyRequired()).append(")");
            }
            if (method.params() != null) {
                for (QueryField field : method.params().fields()) {
                    if (field.required()) {
                        descriptor.append("\n            .requiredQuery(").append(JavaFile.literal(field.wireName()))
                                .append(", ").append(JavaFile.literal(field.javaName())).append(")");
                    }
                }
            }
            String type;
            if (method.paging() != Paging.NONE) {
                String list = method.responseClass();
                type = "org.pingppopenapi.client.Page<" + method.itemClass() + ">";
                descriptor.append("\n            .").append(method.paging() == Paging.CURSOR ? "cursorPage(" : "numberedPage(")
                        .append(list).append(".class, ").append(list).append("::getData, ").append(list)
                        .append("::getHasMore");
                if (method.paging() == Paging.CURSOR) {
                    descriptor.append(", ").append(method.itemClass()).append("::getId");
                }
                descriptor.append(")");
            } else if (method.responseClass() != null) {
                type = method.responseClass();
                descriptor.append("\n            .returns(").append(type).append(".class)");
            } else {
                type = "java.lang.Void";
                descriptor.append("\n            .returnsNothing()");
            }
            file.line("static final " + INTERNAL + ".Operation<" + type + "> " + method.constant() + " = " + descriptor + ";");
            if (method.params() != null) {
                ParamsClass params = method.params();
                file.line();
                file.open("static " + INTERNAL + ".Query " + ClientLayout.camel(operation.id()) + "("
                        + PARAM + "." + params.simpleName() + " params)");
                file.open("if (params == null)").line("return " + INTERNAL + ".Query.EMPTY;").close();
                file.line("return " + INTERNAL + ".Query.builder()");
                for (QueryField field : params.fields()) {
                    file.line("        ." + (field.isList() ? "addAll" : "add") + "(" + JavaFile.literal(field.wireName())
                            + ", params." + field.javaName() + "())");
                }
                file.line("        .build();");
                file.close();
            }
        }
        file.close();
        return file;
    }

    private JavaFile implementation(Service service, boolean async) {
        String contract = SERVICE + "." + (async ? service.asyncInterfaceName() : service.interfaceName());
        String name = (async ? service.asyncInterfaceName() : service.interfaceName()) + "Impl";
        String operations = service.baseName() + "Operations";
        JavaFile file = new JavaFile(GENERATED, name);
        file.javadoc("Each method one call of the requestor, with its operation and its arguments.");
        file.line(JavaFile.GENERATED);
        file.open("public final class " + name + " implements " + contract);
        file.line("private final " + INTERNAL + ".Requestor requestor;");
        for (Service child : service.children.values()) {
            file.line("private final " + SERVICE + "." + (async ? child.asyncInterfaceName() : child.interfaceName()) + " "
                    + child.accessor() + ";");
        }
        file.line();
        file.open("public " + name + "(" + INTERNAL + ".Requestor requestor)");
        file.line("this.requestor = requestor;");
        for (Service child : service.children.values()) {
            file.line("this." + child.accessor() + " = new " + (async ? child.asyncInterfaceName() : child.interfaceName())
                    + "Impl(requestor);");
        }
        file.close();
        for (Service child : service.children.values()) {
            file.line();
            file.line("@Override");
            file.open("public " + SERVICE + "." + (async ? child.asyncInterfaceName() : child.interfaceName()) + " "
                    + child.accessor() + "()").line("return " + child.accessor() + ";").close();
        }
        for (Method method : service.methods) {
            List<Argument> arguments = new ArrayList<>(arguments(method));
            arguments.add(Argument.OPTIONS);
            String returns = async ? FUTURE + "<" + method.returnType() + ">" : method.returnType();
            List<String> path = method.pathArguments().stream().map(PathArgument::javaName).toList();
            String pathArray = path.isEmpty() ? INTERNAL + ".Requestor.NO_PATH" : "new String[] {" + String.join(", ", path) + "}";
            String query = method.params() != null
                    ? operations + "." + ClientLayout.camel(method.operation().id()) + "(params)"
                    : INTERNAL + ".Query.EMPTY";
            String body = method.bodyClass() != null ? "request" : "null";
            file.line();
            file.line("@Override");
            file.open("public " + returns + " " + method.name() + "(" + declare(arguments) + ")");
            file.line("return requestor." + (async ? "executeAsync" : "execute") + "(" + operations + "." + method.constant()
                    + ", " + pathArray + ", " + query + ", " + body + ", options);");
            file.close();
        }
        file.line();
        file.line("@Override");
        file.open("public String toString()")
                .line("return " + JavaFile.literal(contract.substring(SERVICE.length() + 1) + " of ") + " + requestor;")
                .close();
        file.close();
        return file;
    }

    private JavaFile accessors(boolean async) {
        String name = async ? "PingppAsyncServices" : "PingppServices";
        JavaFile file = new JavaFile(CLIENT, name);
        if (async) {
            file.javadoc("Every service of the Ping++ API, asynchronous: each call returns at once with a"
                    + " {@link java.util.concurrent.CompletableFuture}, sent and retried by the same rules as the"
                    + " synchronous calls. Reached with {@link PingppClient#async()}.");
        } else {
            file.javadoc("Every service of the Ping++ API, one accessor per resource, generated from the spec;"
                    + " {@link PingppClient} is the way to them.");
        }
        file.line(JavaFile.GENERATED);
        file.open("public " + (async ? "final" : "abstract") + " class " + name);
        for (Service root : layout.roots()) {
            file.line("private final " + SERVICE + "." + (async ? root.asyncInterfaceName() : root.interfaceName()) + " "
                    + root.accessor() + ";");
        }
        file.line();
        file.open(name + "(" + INTERNAL + ".Requestor requestor)");
        for (Service root : layout.roots()) {
            file.line("this." + root.accessor() + " = new " + GENERATED + "." + (async ? root.asyncInterfaceName()
                    : root.interfaceName()) + "Impl(requestor);");
        }
        file.close();
        for (Service root : layout.roots()) {
            file.line();
            file.javadoc(serviceDoc(root));
            file.open("public final " + SERVICE + "." + (async ? root.asyncInterfaceName() : root.interfaceName()) + " "
                    + root.accessor() + "()").line("return " + root.accessor() + ";").close();
        }
        file.close();
        return file;
    }

    private JavaFile eventObjectTypes() {
        JavaFile file = new JavaFile(GENERATED, "EventObjectTypes");
        file.javadoc("The model of each <code>object</code> value of an event's object, as the spec's discriminator of"
                + " <code>EventObject</code> maps them.");
        file.line(JavaFile.GENERATED);
        file.open("public final class EventObjectTypes");
        Map<String, String> mapping = new TreeMap<>();
        JsonNode eventObject = api.schemas().get("EventObject");
        if (eventObject != null) {
            eventObject.path("discriminator").path("mapping").fields().forEachRemaining(entry -> {
                String schema = ApiDescription.schemaName(entry.getValue().isTextual()
                        ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("$ref",
                                entry.getValue().asText()) : entry.getValue());
                if (schema == null) {
                    throw new IllegalArgumentException("EventObject's discriminator maps " + entry.getKey()
                            + " to something other than a component schema");
                }
                mapping.put(entry.getKey(), models.className(schema));
            });
        }
        file.line();
        List<String> entries = new ArrayList<>();
        mapping.forEach((type, model) -> entries.add("java.util.Map.entry(" + JavaFile.literal(type) + ", " + model + ".class)"));
        file.line("public static final java.util.Map<String, Class<?>> TYPES = java.util.Map.ofEntries("
                + (entries.isEmpty() ? "" : "\n        " + String.join(",\n        ", entries)) + ");");
        file.line();
        file.open("private EventObjectTypes()").close();
        file.close();
        return file;
    }

    private JavaFile operationIndex() {
        JavaFile file = new JavaFile(GENERATED, "OperationIndex");
        file.javadoc("Every operation of the spec and the method that calls it, for tests and documentation.");
        file.line(JavaFile.GENERATED);
        file.open("public final class OperationIndex");
        file.line();
        file.javadoc(List.of("One operation and its method."), List.of(
                "@param operation    the operation",
                "@param accessors    the accessors from the client to the service, e.g. {@code [charges, refunds]}",
                "@param method       the method's name",
                "@param pathArguments the path parameters passed as arguments, as the spec names them",
                "@param params       the class of the query parameters, or null",
                "@param body         the class of the body, or null",
                "@param answer       the model of the answer (the list model of a page), or null when it has no body",
                "@param itemType     the class of a page's items, or null when the answer is no page"));
        file.line("public record Entry(" + INTERNAL + ".Operation<?> operation, java.util.List<String> accessors,"
                + " String method, java.util.List<String> pathArguments, Class<?> params, Class<?> body,"
                + " Class<?> answer, Class<?> itemType) {");
        file.line("}");
        file.line();
        List<String> entries = new ArrayList<>();
        for (Service service : layout.services()) {
            List<String> accessors = new ArrayList<>();
            service.segments.forEach(segment -> accessors.add(JavaFile.literal(ClientLayout.camel(segment))));
            for (Method method : service.methods) {
                List<String> path = method.pathArguments().stream().map(argument -> JavaFile.literal(argument.wireName())).toList();
                entries.add("new Entry(" + service.baseName() + "Operations." + method.constant() + ", java.util.List.of("
                        + String.join(", ", accessors) + "), " + JavaFile.literal(method.name()) + ", java.util.List.of("
                        + String.join(", ", path) + "), " + (method.params() != null ? PARAM + "." + method.params().simpleName()
                        + ".class" : "null") + ", " + (method.bodyClass() != null ? method.bodyClass() + ".class" : "null")
                        + ", " + (method.responseClass() != null ? method.responseClass() + ".class" : "null")
                        + ", " + (method.itemClass() != null ? method.itemClass() + ".class" : "null") + ")");
            }
        }
        file.line("public static final java.util.List<Entry> ALL = java.util.List.of("
                + (entries.isEmpty() ? "" : "\n        " + String.join(",\n        ", entries)) + ");");
        file.line();
        file.open("private OperationIndex()").close();
        file.close();
        return file;
    }

    private JavaFile expandable(String name, String target) {
        String className = models.className(name);
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String targetClass = models.className(target);
        if (!api.schema(target).path("properties").has("id")) {
            throw new IllegalArgumentException(name + " expands into " + target + ", which has no id");
        }
        JavaFile file = new JavaFile(className.substring(0, className.lastIndexOf('.')), simpleName);
        file.javadoc(nonNull(JavaFile.doc(api.schema(name).path("description").asText(null)),
                "The id of a {@link " + targetClass + "}, or the object itself once expanded."));
        file.line(JavaFile.GENERATED);
        file.line("@com.fasterxml.jackson.databind.annotation.JsonSerialize(using = " + CLIENT + ".Expandable.Serializer.class)");
        file.line("@com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = " + simpleName + ".Deserializer.class)");
        file.open("public final class " + simpleName + " extends " + CLIENT + ".Expandable<" + targetClass + ">");
        file.line();
        file.open("private " + simpleName + "(String id, " + targetClass + " object)").line("super(id, object);").close();
        file.line();
        file.javadoc("The object by id, not expanded.");
        file.open("public static " + simpleName + " ofId(String id)")
                .line("return new " + simpleName + "(java.util.Objects.requireNonNull(id, \"id\"), null);").close();
        file.line();
        file.javadoc("The expanded object; its id is the object's.");
        file.open("public static " + simpleName + " of(" + targetClass + " object)")
                .line("return new " + simpleName + "(object.getId(), object);").close();
        file.line();
        file.javadoc("Reads the id (a string, or a bare number) or the expanded object.");
        file.open("public static final class Deserializer extends " + CLIENT + ".Expandable.Deserializer<" + targetClass
                + ", " + simpleName + ">");
        file.open("public Deserializer()").line("super(" + targetClass + ".class, " + simpleName + "::ofId, " + simpleName
                + "::of);").close();
        file.close();
        file.close();
        return file;
    }

    private static String nonNull(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
