package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.BalanceTransaction.TypeEnum;
import org.pingppopenapi.server.model.Withdrawal;

/**
 * The states of a withdrawal and the money they move, for the withdrawal, batch withdrawal and sandbox endpoints.
 * The generic store keeps the withdrawal objects; each change happens under the object's lock, so one withdrawal
 * is confirmed, canceled, paid or failed once.
 *
 * <p>The amount leaves the balance when the withdrawal is applied for (a {@code withdrawal} balance transaction, the
 * balance transaction document's "提现申请"), and comes back when it is canceled ({@code withdrawal_revoked}) or
 * fails for the user's reason ({@code withdrawal_failed}). Confirming it ({@code pending}) starts the payout;
 * the sandbox's {@code POST /sandbox/apps/{app_id}/withdrawals/{id}/succeed} completes it
 * ({@code balance.withdrawal.succeeded}); {@code custom} completes on confirmation.
 */
final class Withdrawals {

    static final String COLLECTION = "/v1/apps/{}/withdrawals";
    static final String CREATED = "created";
    static final String PENDING = "pending";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String CANCELED = "canceled";
    private static final String CUSTOM_CHANNEL = "custom";
    private static final String WITHDRAWAL_SUCCEEDED = "balance.withdrawal.succeeded";

    private Withdrawals() {
    }

    static StoredObject withdrawal(Account account, String app, String id, String param) {
        return account.objects().find(COLLECTION, List.of(app), id).orElseThrow(() -> param == null
                ? Errors.noSuch("withdrawal", id) : Errors.invalid(param, "No such withdrawal: " + id));
    }

    /** {@code created} → {@code pending}; a {@code custom} withdrawal goes on to {@code succeeded}. */
    static Withdrawal confirm(Account account, String app, StoredObject withdrawal) {
        ObjectNode confirmed = withdrawal.update(json -> {
            expect(json, CREATED, "confirmed");
            json.put("status", PENDING);
            json.putNull("failure_msg");
            if (CUSTOM_CHANNEL.equals(json.path("channel").asText())) {
                succeed(json, account.now());
            }
        });
        return announce(account, app, confirmed, true);
    }

    /** {@code created} → {@code canceled}: the amount comes back to the balance. */
    static Withdrawal cancel(Account account, String app, StoredObject withdrawal) {
        return toModel(withdrawal.update(json -> {
            expect(json, CREATED, "canceled");
            account.ledger().credit(app, json.path("user").asText(), json.path("amount").asLong(),
                    TypeEnum.WITHDRAWAL_REVOKED, withdrawal.id(), json.path("description").textValue());
            json.put("status", CANCELED);
            json.put("time_canceled", account.now());
        }));
    }

    /** The sandbox: the payout of a {@code pending} withdrawal arrives. */
    static Withdrawal succeed(Account account, String app, StoredObject withdrawal) {
        ObjectNode paid = withdrawal.update(json -> {
            expect(json, PENDING, "paid");
            succeed(json, account.now());
        });
        return announce(account, app, paid, false);
    }

    /**
     * The sandbox: the payout of a {@code pending} withdrawal fails. For the user's reason (a wrong account) the
     * withdrawal ends {@code failed} and the amount comes back; for the merchant's or the channel's it is
     * {@code created} again, the amount still held, to be confirmed again or canceled (withdrawal document).
     */
    static Withdrawal fail(Account account, String app, StoredObject withdrawal, boolean usersFault, String message) {
        return toModel(withdrawal.update(json -> {
            expect(json, PENDING, "failed");
            json.put("failure_msg", message);
            if (usersFault) {
                account.ledger().credit(app, json.path("user").asText(), json.path("amount").asLong(),
                        TypeEnum.WITHDRAWAL_FAILED, withdrawal.id(), message);
                json.put("status", FAILED);
            } else {
                json.put("status", CREATED);
            }
        }));
    }

    static Withdrawal toModel(JsonNode json) {
        return BalanceJson.JSON.convertValue(json, Withdrawal.class);
    }

    /** Refuses, naming {@code status}, a change the withdrawal's state does not allow. */
    static void expect(JsonNode json, String status, String change) {
        String actual = json.path("status").asText();
        if (!status.equals(actual)) {
            throw Errors.invalid("status", "Withdrawal " + json.path("id").asText() + " is " + actual + "; only a "
                    + status + " withdrawal can be " + change + ".");
        }
    }

    private static void succeed(ObjectNode json, long now) {
        json.put("status", SUCCEEDED);
        json.put("time_succeeded", now);
    }

    private static Withdrawal announce(Account account, String app, ObjectNode json, boolean byApiRequest) {
        if (SUCCEEDED.equals(json.path("status").asText())) {
            account.events().record(WITHDRAWAL_SUCCEEDED, app, json, byApiRequest);
        }
        return toModel(json);
    }
}
