package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.pingppopenapi.sandbox.domain.Accounts;
import org.pingppopenapi.sandbox.store.GenericStore;
import org.pingppopenapi.sandbox.store.Retrievals;
import org.pingppopenapi.sandbox.store.SpecOperation;
import org.pingppopenapi.sandbox.store.SpecOperations;
import org.pingppopenapi.server.PingppJson;

/**
 * The resources of one sandbox and which one serves each operation of the spec: the generated generic resource of
 * every interface of the server stubs ({@code Generic<Name>Api}), replaced by the hand-written resource that extends
 * it where there is one. Every operation of the spec is served by exactly one of them, or the sandbox does not start.
 *
 * <p>It also lets the generic store retrieve the object a path names through the operation that retrieves it,
 * whoever serves that operation ({@link Retrievals}).
 */
public final class ResourceRegistry implements Retrievals {

    private final Accounts accounts;
    private final SpecOperations operations = SpecOperations.bundled();
    private final ObjectMapper json = PingppJson.newObjectMapper();
    private final Map<String, Served> served = new LinkedHashMap<>();
    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();

    public ResourceRegistry(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The accounts the resources work on. */
    public Accounts accounts() {
        return accounts;
    }

    /**
     * Makes the resources of the sandbox: the hand-written ones, and the generic resource of every interface no
     * hand-written resource extends.
     *
     * @throws IllegalStateException when a hand-written resource extends no generic resource, two extend the same
     *                               one, or an operation of the spec has no resource
     */
    public List<GenericResource> resources(List<Function<ResourceRegistry, GenericResource>> handWritten) {
        Map<Class<?>, GenericResource> byGenericClass = new LinkedHashMap<>();
        for (Function<ResourceRegistry, GenericResource> generic : GenericApis.ALL) {
            GenericResource resource = generic.apply(this);
            byGenericClass.put(resource.getClass(), resource);
        }
        Map<Class<?>, GenericResource> replaced = new LinkedHashMap<>();
        for (Function<ResourceRegistry, GenericResource> written : handWritten) {
            GenericResource resource = written.apply(this);
            Class<?> base = genericBaseOf(resource.getClass());
            if (replaced.containsKey(base)) {
                throw new IllegalStateException(resource.getClass().getName() + " and " + replaced.get(base).getClass().getName()
                        + " both extend " + base.getSimpleName() + "; put the behaviour of its operations in one class");
            }
            replaced.put(base, resource);
            byGenericClass.put(base, resource);
        }
        List<GenericResource> resources = new ArrayList<>(byGenericClass.values());
        resources.forEach(this::register);
        List<String> unserved = new ArrayList<>();
        operations.all().forEach(operation -> {
            if (!served.containsKey(operation.operationId())) {
                unserved.add(operation.operationId());
            }
        });
        if (!unserved.isEmpty()) {
            throw new IllegalStateException("No resource serves the operations " + unserved
                    + " of the spec: the server stubs were generated from another revision of it");
        }
        return List.copyOf(resources);
    }

    @Override
    public JsonNode retrieve(SpecOperation retrieve, List<String> pathValues) {
        Served target = served(retrieve.operationId());
        Object[] arguments = new Object[target.method.getParameterCount()];
        Annotation[][] annotations = target.method.getParameterAnnotations();
        for (int i = 0; i < arguments.length; i++) {
            PathParam path = annotation(annotations[i], PathParam.class);
            if (path != null) {
                arguments[i] = pathValues.get(retrieve.pathParameters().indexOf(path.value()));
            }
        }
        try {
            return json.valueToTree(target.method.invoke(target.resource, arguments));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Retrieving through " + retrieve + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + target.method, e);
        }
    }

    @Override
    public boolean isGeneric(SpecOperation operation) {
        Served target = served(operation.operationId());
        try {
            Class<?> declaring = target.resource.getClass()
                    .getMethod(target.method.getName(), target.method.getParameterTypes()).getDeclaringClass();
            return declaring.getSuperclass() == GenericResource.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(target.resource.getClass() + " has no " + target.method.getName(), e);
        }
    }

    /** How the Java method of {@code operationId} maps to the generic store. */
    Binding binding(String operationId) {
        return bindings.computeIfAbsent(operationId, id -> new Binding(operations.byId(id)
                .orElseThrow(() -> new IllegalStateException("The spec has no operation " + id)), served(id).method));
    }

    private Served served(String operationId) {
        Served target = served.get(operationId);
        if (target == null) {
            throw new IllegalStateException("No resource serves " + operationId);
        }
        return target;
    }

    private void register(GenericResource resource) {
        for (Class<?> api : genericBaseOf(resource.getClass()).getInterfaces()) {
            for (Method method : api.getMethods()) {
                if (operations.byId(method.getName()).isEmpty()) {
                    throw new IllegalStateException(api.getName() + "." + method.getName()
                            + " is no operation of the spec: the server stubs were generated from another revision of it");
                }
                served.put(method.getName(), new Served(resource, method));
            }
        }
    }

    /** The generated {@code Generic<Name>Api} a resource class is or extends. */
    private static Class<?> genericBaseOf(Class<?> resourceClass) {
        for (Class<?> type = resourceClass; type != null; type = type.getSuperclass()) {
            if (type.getSuperclass() == GenericResource.class) {
                return type;
            }
        }
        throw new IllegalStateException(resourceClass.getName() + " extends no generic resource: a hand-written resource"
                + " extends the Generic<Name>Api of the interface whose operations it implements");
    }

    private static <A extends Annotation> A annotation(Annotation[] annotations, Class<A> type) {
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }

    private record Served(Object resource, Method method) {
    }

    /** The parameters of an operation's Java method: path parameters, query parameters, the body. */
    final class Binding {

        private final SpecOperation operation;
        private final int[] pathIndex;
        private final String[] queryName;
        private final JavaType answerType;

        Binding(SpecOperation operation, Method method) {
            this.operation = operation;
            Annotation[][] annotations = method.getParameterAnnotations();
            this.pathIndex = new int[annotations.length];
            this.queryName = new String[annotations.length];
            Arrays.fill(pathIndex, -1);
            for (int i = 0; i < annotations.length; i++) {
                PathParam path = annotation(annotations[i], PathParam.class);
                QueryParam query = annotation(annotations[i], QueryParam.class);
                if (path != null) {
                    pathIndex[i] = operation.pathParameters().indexOf(path.value());
                    if (pathIndex[i] < 0) {
                        throw new IllegalStateException(method + " takes the path parameter " + path.value()
                                + ", which " + operation + " does not have; its parameters: "
                                + new TreeSet<>(operation.pathParameters()));
                    }
                } else if (query != null) {
                    queryName[i] = query.value();
                }
            }
            this.answerType = json.getTypeFactory().constructType(method.getGenericReturnType());
        }

        SpecOperation operation() {
            return operation;
        }

        /** The arguments of a call of the method, as the generic store takes them. */
        GenericStore.Call call(Object[] arguments) {
            List<String> pathValues = new ArrayList<>(operation.pathParameters());
            Map<String, Object> query = new LinkedHashMap<>();
            JsonNode body = null;
            for (int i = 0; i < arguments.length; i++) {
                if (pathIndex[i] >= 0) {
                    pathValues.set(pathIndex[i], String.valueOf(arguments[i]));
                } else if (queryName[i] != null) {
                    query.put(queryName[i], arguments[i]);
                } else if (arguments[i] != null) {
                    body = json.valueToTree(arguments[i]);
                }
            }
            return new GenericStore.Call(pathValues, query, body);
        }

        /** The store's answer as the method's return type. */
        Object answer(JsonNode answer) {
            if (answer == null || answerType.hasRawClass(void.class)) {
                return null;
            }
            try {
                return json.readerFor(answerType).readValue(answer);
            } catch (IOException e) {
                throw new IllegalStateException("The generic store's answer to " + operation + " does not read as "
                        + answerType + ": " + answer, e);
            }
        }
    }
}
