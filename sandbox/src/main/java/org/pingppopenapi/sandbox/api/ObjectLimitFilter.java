package org.pingppopenapi.sandbox.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.Accounts;
import org.pingppopenapi.sandbox.domain.ObjectBudget;
import org.pingppopenapi.sandbox.store.SpecOperations;

/**
 * Keeps every account within its object limit ({@link ObjectBudget}): a {@code POST} of the API claims room for an
 * object before it is served, and gives it back when it fails. Bound to the {@code POST} operations only (found by
 * their operationId, the resource method's name), so that no other request pays for it.
 */
public final class ObjectLimitFilter implements DynamicFeature {

    private static final String CLAIMED = ObjectLimitFilter.class.getName() + ".claimed";

    private final Accounts accounts;

    public ObjectLimitFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        boolean post = GenericResource.class.isAssignableFrom(resource.getResourceClass())
                && SpecOperations.bundled().byId(resource.getResourceMethod().getName())
                        .filter(operation -> operation.method().equals("POST")).isPresent();
        if (post) {
            context.register(new Claim());
        }
    }

    private final class Claim implements ContainerRequestFilter, ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            Account account = accounts.account(request.getSecurityContext().getUserPrincipal().getName());
            account.budget().claim();
            request.setProperty(CLAIMED, account);
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (request.getProperty(CLAIMED) instanceof Account account && response.getStatus() >= 300) {
                account.budget().release();
            }
        }
    }
}
