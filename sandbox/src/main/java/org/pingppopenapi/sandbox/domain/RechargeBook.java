package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.pingppopenapi.server.model.RechargeChargeParams;
import org.pingppopenapi.server.model.RechargeCreateRequest;

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
    private final ChargeBook charges;
    private final EventLog events;
    private final Timeline<RechargeRecord> recharges = new Timeline<>();

    RechargeBook(Clock clock, IdGenerator ids, AppBook apps, UserBook users, ChargeBook charges, EventLog events) {
        this.clock = clock;
        this.ids = ids;
        this.apps = apps;
        this.users = users;
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
        UserRecord user = users.user(app.id(), request.getUser());
        if (user.isDisabled()) {
            throw Errors.refused("user_disabled", "user", "User " + request.getUser() + " of app " + app.id() + " is disabled.");
        }
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

    public Stream<RechargeRecord> recharges(String appId, String user, Boolean succeeded, Boolean refunded,
            CreatedRange created) {
        return recharges.newestFirst()
                .filter(recharge -> recharge.app().equals(appId))
                .filter(recharge -> user == null || user.equals(recharge.user()))
                .filter(recharge -> succeeded == null || succeeded == recharge.isSucceeded())
                .filter(recharge -> refunded == null || !refunded)
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
            users.user(recharge.app(), recharge.user()).credit(recharge.balanceCredit());
            recharge.succeed(now, ids.balanceTransaction(clock.instant()));
            events.record(RECHARGE_SUCCEEDED, recharge.app(), recharge.toModel(), false);
        }

        @Override
        public void checkRefundable(ChargeRecord charge, long amount) {
            throw Errors.refused("recharge_refund_unsupported", null, "Charge " + charge.id() + " pays recharge "
                    + recharge.id() + "; recharges are refunded through the recharge refund API, which the sandbox does not implement.");
        }

        @Override
        public void chargeRefunded(ChargeRecord charge, RefundRecord refund, long now) {
            throw new IllegalStateException("Recharge charges are never refunded through the charge refund operation");
        }
    }
}
