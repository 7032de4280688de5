package org.pingppopenapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pingppopenapi.sandbox.domain.SpecDocument;

/**
 * Two ways the documents' curl examples reach an operation that the spec (which follows the SDKs) spells
 * otherwise, so they work as written:
 * <ul>
 *   <li>{@code POST} to an operation the spec has only as {@code PUT} (cancel an order, update a sub-app or a
 *       sub-app channel): the documents' curl commands send {@code -d} without {@code -X PUT}, which curl sends as
 *       a POST, as Ping++'s Stripe-style API accepts;</li>
 *   <li>{@code /v1/orders/{order_id}/refunds[/{refund_id}]}, the documents' path of the order refunds, for the
 *       SDKs' {@code /order_refunds}, as the spec's description of the order refund operations notes.</li>
 * </ul>
 * Runs after the signature check, which must see the request as it was sent, and before the form conversion, which
 * looks up the schema of the operation the request reaches.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 260)
public final class DocumentedAliases implements ContainerRequestFilter {

    private static final Pattern ORDER_REFUNDS = Pattern.compile("(/v1/orders/[^/]+)/refunds(/[^/]+)?/?");

    /** Each list of paths as one alternation: every POST is checked, and one match beats one per path of the spec. */
    private final Pattern putOnlyPaths = pathsOfTheSpec(true);
    /**
     * A POST to a path of the spec that takes one is never rewritten, even where a PUT-only template matches too
     * ({@code /users/upload_pic} and {@code /users/{user_id}}).
     */
    private final Pattern postPaths = pathsOfTheSpec(false);

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        Matcher orderRefunds = ORDER_REFUNDS.matcher(path);
        if (orderRefunds.matches()) {
            String rewritten = orderRefunds.group(1) + "/order_refunds" + (orderRefunds.group(2) == null ? "" : orderRefunds.group(2));
            request.setRequestUri(request.getUriInfo().getBaseUri(), UriBuilder.fromUri(uri).replacePath(rewritten).build());
        }
        if ("POST".equals(request.getMethod()) && putOnlyPaths.matcher(path).matches() && !postPaths.matcher(path).matches()) {
            request.setMethod("PUT");
        }
    }

    /** The paths of the spec with a {@code put} and no {@code post} ({@code true}), or with a {@code post}. */
    private static Pattern pathsOfTheSpec(boolean putOnly) {
        List<String> paths = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = SpecDocument.root().path("paths").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            boolean wanted = putOnly ? entry.getValue().has("put") && !entry.getValue().has("post")
                    : entry.getValue().has("post");
            if (wanted) {
                paths.add(entry.getKey().replaceAll("\\{[^/}]+}", "[^/]+"));
            }
        }
        return Pattern.compile(paths.isEmpty() ? "(?!)" : "(?:" + String.join("|", paths) + ")/?");
    }
}
