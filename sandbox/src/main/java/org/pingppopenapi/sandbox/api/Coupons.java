package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.store.StoredObject;

/**
 * The coupons of the account system and the rules of their use; the generic store keeps the coupons (each with a
 * copy of its template, as the API answers them) and their templates.
 * <ul>
 *   <li>A coupon is usable while it is not redeemed, its template is not deleted, and the sandbox's clock is within
 *       its {@code [time_start, time_end]} (a null bound is open), computed when it is issued from the template's
 *       {@code expiration}: fixed times, or {@code duration} seconds from issue.</li>
 *   <li>An order that names a coupon redeems it when the order is created (the coupon must be the order user's and
 *       usable, and the order's {@code amount} at least the template's {@code amount_available}), and is charged
 *       {@code amount} less the discount: a cash coupon (type 1) takes {@code amount_off} (at most the amount), a
 *       discount coupon (type 2) {@code floor(amount × percent_off / 100)}, at most {@code discount_amount_limit}.
 *       A second order naming it is refused; canceling the order gives the coupon back.</li>
 * </ul>
 */
final class Coupons {

    static final String TEMPLATES = "/v1/apps/{}/coupon_templates";
    static final String COUPONS = UsersResource.COUPONS;
    private static final int CASH = 1;
    private static final int DEFAULT_MAX_USER_CIRCULATION = 1;

    private Coupons() {
    }

    static boolean isUsable(Account account, JsonNode coupon) {
        if (coupon.path("redeemed").asBoolean(false)) {
            return false;
        }
        String template = coupon.path("coupon_template").path("id").asText();
        if (account.objects().find(TEMPLATES, List.of(coupon.path("app").asText()), template).isEmpty()) {
            return false;
        }
        long now = account.now();
        JsonNode start = coupon.path("time_start");
        JsonNode end = coupon.path("time_end");
        return (!start.isNumber() || start.asLong() <= now) && (!end.isNumber() || now <= end.asLong());
    }

    static StoredObject template(Account account, String app, String templateId) {
        return account.objects().find(TEMPLATES, List.of(app), templateId)
                .orElseThrow(() -> Errors.noSuch("coupon_template", templateId));
    }

    /**
     * The fields of a new coupon of {@code template} for {@code user}, the template counting it: refused when the
     * template has issued {@code max_circulation} coupons or the user holds {@code max_user_circulation} of them.
     * The caller holds the template's lock until the coupon is stored.
     */
    static ObjectNode issue(Account account, StoredObject template, String app, String user, String couponId) {
        JsonNode current = template.json();
        long issued = current.path("times_circulated").asLong();
        if (current.path("max_circulation").isNumber() && issued >= current.path("max_circulation").asLong()) {
            throw Errors.refused("coupon_limit_exceeded", "coupon_template", "Coupon template " + template.id()
                    + " has issued all its " + issued + " coupons.");
        }
        int perUser = current.path("max_user_circulation").asInt(DEFAULT_MAX_USER_CIRCULATION);
        long held = account.objects().existing(COUPONS, List.of(app, user)).stream()
                .flatMap(coupons -> coupons.newestFirst())
                .filter(coupon -> coupon.json().path("coupon_template").path("id").asText().equals(template.id()))
                .count();
        if (held >= perUser) {
            throw Errors.refused("coupon_limit_exceeded", "coupon_template", "User " + user + " already holds "
                    + held + " coupons of template " + template.id() + ", its most.");
        }
        ObjectNode counted = template.update(json -> json.put("times_circulated", issued + 1));
        long now = account.now();
        ObjectNode coupon = BalanceJson.JSON.createObjectNode().put("id", couponId);
        coupon.set("coupon_template", counted);
        coupon.put("user", user).put("valid", true).put("redeemed", false).putNull("order").putNull("actual_amount")
                .put("user_times_circulated", held + 1);
        JsonNode expiration = counted.path("expiration");
        if (expiration.path("duration").isNumber()) {
            coupon.put("time_start", now).put("time_end", now + expiration.get("duration").asLong());
        } else {
            coupon.set("time_start", expiration.path("time_start").isNumber() ? expiration.get("time_start") : null);
            coupon.set("time_end", expiration.path("time_end").isNumber() ? expiration.get("time_end") : null);
        }
        return coupon;
    }

    /** The coupon an order names: one of the order user's coupons, or a 400 naming {@code coupon}. */
    static StoredObject ofUser(Account account, String app, String user, String couponId) {
        return account.objects().find(COUPONS, List.of(app, user), couponId).orElseThrow(() -> Errors.invalid("coupon",
                "User " + user + " of app " + app + " has no coupon " + couponId + "."));
    }

    static Optional<StoredObject> ofUserIfAny(Account account, String app, String user, String couponId) {
        return account.objects().find(COUPONS, List.of(app, user), couponId);
    }

    /**
     * Redeems a usable coupon for an order of {@code amount} and returns its discount; refused (400 naming {@code
     * coupon}) when the coupon is not usable or the amount is below the template's {@code amount_available}. Under
     * the coupon's lock, so that of two orders naming one coupon exactly one wins.
     */
    static long redeem(Account account, StoredObject coupon, long amount) {
        long[] discount = new long[1];
        ObjectNode redeemed = coupon.update(json -> {
            if (!isUsable(account, json)) {
                throw Errors.invalid("coupon", "Coupon " + coupon.id() + " cannot be used: it is redeemed, expired,"
                        + " not started yet, or its template was deleted.");
            }
            discount[0] = discount(json.path("coupon_template"), amount, coupon.id());
            json.put("redeemed", true).put("valid", false);
        });
        countRedemption(account, redeemed, 1);
        return discount[0];
    }

    /** Records the order that redeemed the coupon and what it charges. */
    static void redeemedBy(StoredObject coupon, String orderId, long actualAmount) {
        coupon.update(json -> json.put("order", orderId).put("actual_amount", actualAmount));
    }

    /** Gives the coupon back (its order was canceled, or never made): usable again while it is valid. */
    static void giveBack(Account account, StoredObject coupon) {
        ObjectNode released = coupon.update(json -> {
            json.put("redeemed", false).putNull("order").putNull("actual_amount");
            json.put("valid", isUsable(account, json));
        });
        countRedemption(account, released, -1);
    }

    /** The coupon as the API shows it now: {@code valid} computed with the sandbox's clock and templates. */
    static JsonNode current(Account account, JsonNode coupon) {
        ObjectNode fresh = coupon.deepCopy();
        fresh.put("valid", isUsable(account, coupon));
        return fresh;
    }

    private static long discount(JsonNode template, long amount, String couponId) {
        long minimum = template.path("amount_available").asLong();
        if (amount < minimum) {
            throw Errors.invalid("coupon", "Coupon " + couponId + " applies to orders of at least " + minimum
                    + " fen, not " + amount + ".");
        }
        if (template.path("type").asInt() == CASH) {
            return Math.min(template.path("amount_off").asLong(), amount);
        }
        long off = amount * template.path("percent_off").asLong() / 100;
        JsonNode limit = template.path("discount_amount_limit");
        return limit.isNumber() ? Math.min(off, limit.asLong()) : off;
    }

    private static void countRedemption(Account account, JsonNode coupon, int change) {
        Optional<StoredObject> template = account.objects().find(TEMPLATES, List.of(coupon.path("app").asText()),
                coupon.path("coupon_template").path("id").asText());
        template.ifPresent(stored -> stored.update(json -> json.put("times_redeemed",
                Math.max(0, json.path("times_redeemed").asLong() + change))));
    }
}
