package org.pingppopenapi.sandbox.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.security.Principal;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.Accounts;
import org.pingppopenapi.sandbox.domain.ObjectBudget;

/**
 * Keeps every account within its object limit ({@link ObjectBudget}): a {@code POST} (except
 * {@code /sandbox/reset}) claims room for an object before it is served, and gives it back when it fails.
 */
@Priority(Priorities.USER)
public final class ObjectLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String CLAIMED = ObjectLimitFilter.class.getName() + ".claimed";

    private final Accounts accounts;

    public ObjectLimitFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!"POST".equals(request.getMethod()) || principal == null || request.getUriInfo().getPath().endsWith("sandbox/reset")) {
            return;
        }
        Account account = accounts.account(principal.getName());
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
