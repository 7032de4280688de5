package org.pingppopenapi.sandbox.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.Accounts;
import org.pingppopenapi.sandbox.domain.CreatedRange;

/** A resource that works on the account of the request's API key. */
public abstract class AccountScoped {

    /** The default {@code per_page} of page pagination (002), and of the charges and refunds of an order. */
    static final int DEFAULT_PER_PAGE = 20;
    static final int DEFAULT_ORDER_PER_PAGE = 10;

    private final Accounts accounts;

    @Context
    private SecurityContext security;

    AccountScoped(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The caller's account; the authentication filter has let only accepted keys through. */
    protected final Account account() {
        return accounts.account(security.getUserPrincipal().getName());
    }

    /** Forgets the caller's account. */
    void resetAccount() {
        accounts.reset(security.getUserPrincipal().getName());
    }

    static CreatedRange created(Long gt, Long gte, Long lt, Long lte) {
        return new CreatedRange(gt, gte, lt, lte);
    }

    static int perPage(Integer perPage, int defaultPerPage) {
        return perPage == null ? defaultPerPage : perPage;
    }
}
