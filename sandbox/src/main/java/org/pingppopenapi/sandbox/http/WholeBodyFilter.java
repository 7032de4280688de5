package org.pingppopenapi.sandbox.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads every request body to the end before routing. The body limit of the server stubs counts bytes as they are
 * read; a body sent without {@code Content-Length} that passes the limit inside the JSON parser surfaced there as a
 * malformed value (400). Read here, it is refused as too large (413), as it should be. Bodies are small (the limit
 * is 1 MiB by default), so holding one in memory costs nothing worth saving.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 250)
public final class WholeBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.hasEntity()) {
            request.setEntityStream(new ByteArrayInputStream(request.getEntityStream().readAllBytes()));
        }
    }
}
