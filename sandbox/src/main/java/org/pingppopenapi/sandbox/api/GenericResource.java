package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.pingppopenapi.sandbox.store.GenericStore;
import org.pingppopenapi.sandbox.store.ObjectStore;

/**
 * The base of every resource that implements an interface of the server stubs: the generated
 * {@code Generic<Name>Api} classes, which hand every operation to the generic store ({@link #serve}), and the
 * hand-written resources that extend them and override the operations with behaviour of their own.
 *
 * <p>An overriding operation can still use what the generic store does: call the generic implementation
 * ({@code super.createTransfer(request)}: the object shaped by its schema, stored, listed and announced by the
 * operation's events), or reach the stored objects themselves through {@link #objects()}.
 */
public abstract class GenericResource extends AccountScoped {

    private final ResourceRegistry registry;

    protected GenericResource(ResourceRegistry registry) {
        super(registry.accounts());
        this.registry = registry;
    }

    /**
     * Serves the operation {@code operationId} from the generic store with the arguments of its Java method (path
     * and query parameters, request body, in the interface's order), and returns the answer as the method's type.
     */
    protected final Object serve(String operationId, Object... arguments) {
        ResourceRegistry.Binding binding = registry.binding(operationId);
        GenericStore.Call call = binding.call(arguments);
        JsonNode answer = registry.accounts().store().serve(account(), binding.operation(), call, registry);
        return binding.answer(answer);
    }

    /** {@code json} (a stored object, changed by hand-written behaviour) as the answer type of {@code operationId}. */
    @SuppressWarnings("unchecked")
    protected final <T> T answer(String operationId, JsonNode json) {
        return (T) registry.binding(operationId).answer(json);
    }

    /** The sandbox's clock, for the times of state changes. */
    protected final Clock clock() {
        return registry.accounts().clock();
    }

    /** The objects of the caller's account that the generic store keeps. */
    protected final ObjectStore objects() {
        return account().objects();
    }
}
