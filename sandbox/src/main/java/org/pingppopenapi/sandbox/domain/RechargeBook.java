package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.pingppopenapi.server.model.BalanceTransaction.TypeEnum;
import org.pingppopenapi.server.model.RechargeChargeParams;
import org.pingppopenapi.server.model.RechargeCreateRequest;
import org.pingppopenapi.server.model.RechargeRefundCreateRequest;

/**
 * The recharges of one account (003). A recharge creates its charge; when the charge is paid, the recharge
 * succeeds and the user's balance grows by the amount, less {@code user_fee}, plus {@code balance_bonus}. With the
 * pseudo-channel {@code custom} (user {@code "0"} only) nothing needs paying: it succeeds at once.
 */
public final class RechargeBook {

    private static final String CUSTOM_CHANNEL = "custom";
    private static final String RECHARGE_SUCCEEDED = "recharge.succeeded";
    /** 003: {@code charge[client_ip]} "默认 127.0.0.1". */
    private static final String DEFAULT_CLIENT_IP = "127.0.0.1";

    private final Clock clock;
    private final IdGenerator ids;
    private final AppBook apps;
    private final UserBook users;
    private final Ledger ledger;
    private final ChargeBook charges;
    private final EventLog events;
    private final Timeline<RechargeRecord> recharges = new Timeline<>();

    RechargeBook(Clock clock, IdGenerator ids, AppBook apps, UserBook users, Ledger ledger, ChargeBook charges, EventLog events) {
        this.clock = clock;
        this.ids = ids;
        this.apps = apps;
        this.users = users;
        this.ledger = ledger;
        this.charges = charges;
        this.events = events;
    }

    public RechargeRecord create(String appId, RechargeCreateRequest request) {
        AppRecord app = apps.app(appId, "app_id");
        RechargeChargeParams params = request.getCharge();
        String channel = params.getChannel();
        if (!CUSTOM_CHANNEL.equals(channel)) {
            charges.checkChannel(app, channel, "charge.channel");
        }
        users.user(app.id(), request.getUser()).checkEnabled("user");
        long now = now();
        long bonus = request.getBalanceBonus() == null || request.getBalanceBonus().getAmount() == null ? 0
                : request.getBalanceBonus().getAmount();
        long userFee = request.getUserFee() == null ? 0 : request.getUserFee();
        String fromUser = request.getFromUser() == null ? request.getUser() : request.getFromUser();
        try {
            Math.addExact(params.getAmount() - userFee, bonus);
        } catch (ArithmeticException overflow) {
            throw Errors.invalid("balance_bonus.amount", "The balance bonus of " + bonus + " fen is too large.");
        }
        RechargeRecord recharge;
        do {
            recharge = new RechargeRecord(ids.recharge(clock.instant()), Timeline.next(now), app.id(), request.getUser(),
                    fromUser, userFee, bonus, ids.balanceBonus(), request.getDescription(), request.getMetadata());
        } while (recharges.find(recharge.id()).isPresent());
        long timeExpire = params.getTimeExpire() != null ? params.getTimeExpire()
                : now + Channels.rechargeDefaultExpiry(channel).toSeconds();
        NewCharge fields = new NewCharge(app, channel, params.getOrderNo(), params.getAmount(), "cny",
                params.getClientIp() != null ? params.getClientIp() : DEFAULT_CLIENT_IP, params.getSubject(),
                params.getBody(), Maps.copy(params.getExtra()), timeExpire, Map.of(), null);
        synchronized (recharge) {
            ChargeRecord charge = charges.register(fields, new RechargePayment(recharge), "charge.order_no");
            recharge.attach(charge);
            recharges.add(recharge);
        }
        if (CUSTOM_CHANNEL.equals(channel)) {
            charges.simulatePayment(recharge.chargeId());
        }
        return recharge;
    }

    public RechargeRecord recharge(String appId, String rechargeId) {
        return recharges.find(rechargeId).filter(recharge -> recharge.app().equals(appId))
                .orElseThrow(() -> Errors.noSuch("recharge", rechargeId));
    }

    /**
     * Refunds a succeeded recharge, whole and once: takes what it credited ({@code amount - user_fee}) back from the
     * user's balance, never below zero (402 {@code insufficient_balance} when the user has spent it, and nothing
     * changes), and refunds its charge in full ({@code refund.succeeded}). The bonus stays: it is a transaction of its
     * own, and no source says a recharge refund takes it back.
     */
    public RefundRecord refund(String appId, String rechargeId, RechargeRefundCreateRequest request) {
        RechargeRecord recharge = recharge(appId, rechargeId);
        ChargeRecord charge = charges.charge(recharge.chargeId());
        synchronized (recharge) {
            synchronized (charge) {
                if (!recharge.isSucceeded()) {
                    throw Errors.invalid("recharge_id", "Recharge " + rechargeId + " has not succeeded; only a succeeded"
                            + " recharge can be refunded.");
                }
                if (recharge.isRefunded()) {
                    throw Errors.invalid("recharge_id", "Recharge " + rechargeId + " is already refunded; a recharge is"
                            + " refunded whole, once.");
                }
                long amount = recharge.creditedAmount();
                if (amount > 0) {
                    ledger.debit(appId, recharge.user(), amount, TypeEnum.RECHARGE_REFUND, recharge.id(),
                            request.getDescription(), "recharge_id");
                }
                RefundRecord refund = charges.refundLocked(charge, charge.amount(), "amount", request.getDescription(),
                        request.getMetadata(), null, now());
                recharge.markRefunded();
                return refund;
            }
        }
    }

    public RefundRecord refund(String appId, String rechargeId, String refundId) {
        return charges.refund(recharge(appId, rechargeId).chargeId(), refundId);
    }

    /** The refunds of a recharge, newest first (at most one). */
    public Stream<RefundRecord> refunds(String appId, String rechargeId) {
        return charges.charge(recharge(appId, rechargeId).chargeId()).refunds().newestFirst();
    }

    public Stream<RechargeRecord> recharges(String appId, String user, Boolean succeeded, Boolean refunded,
            CreatedRange created) {
        return recharges.newestFirst()
                .filter(recharge -> recharge.app().equals(appId))
                .filter(recharge -> user == null || user.equals(recharge.user()))
                .filter(recharge -> succeeded == null || succeeded == recharge.isSucceeded())
                .filter(recharge -> refunded == null || refunded == recharge.isRefunded())
                .filter(created);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    /** The recharge side of the charge that pays it. */
    private final class RechargePayment implements ChargeOwner {

        private final RechargeRecord recharge;

        RechargePayment(RechargeRecord recharge) {
            this.recharge = recharge;
        }

        @Override
        public Object monitor() {
            return recharge;
        }

        @Override
        public void chargePaid(ChargeRecord charge, long now) {
            String transaction = null;
            if (recharge.creditedAmount() > 0) {
                transaction = ledger.credit(recharge.app(), recharge.user(), recharge.creditedAmount(),
                        TypeEnum.RECHARGE, recharge.id(), recharge.description()).id();
            }
            if (recharge.bonusAmount() > 0) {
                ledger.credit(recharge.app(), recharge.user(), recharge.bonusAmount(), TypeEnum.RECEIPTS_EXTRA,
                        recharge.bonusId(), recharge.description());
            }
            recharge.succeed(now, transaction);
            events.record(RECHARGE_SUCCEEDED, recharge.app(), recharge.toModel(), false);
        }

        @Override
        public void checkRefundable(ChargeRecord charge, long amount) {
            throw Errors.refused("recharge_refund_required", null, "Charge " + charge.id() + " pays recharge "
                    + recharge.id() + "; a recharge is refunded through its recharge refund (POST /v1/apps/" + recharge.app()
                    + "/recharges/" + recharge.id() + "/refunds), which also takes the amount back from the balance.");
        }

        @Override
        public void chargeRefunded(ChargeRecord charge, RefundRecord refund, long now) {
            throw new IllegalStateException("Recharge charges are never refunded through the charge refund operation");
        }
    }
}
