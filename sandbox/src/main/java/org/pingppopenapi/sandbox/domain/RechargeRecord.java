package org.pingppopenapi.sandbox.domain;

import java.util.Map;
import org.pingppopenapi.server.model.BalanceBonus;
import org.pingppopenapi.server.model.Recharge;
import org.pingppopenapi.server.model.RefundList;

/** A top-up of a user's balance (003), paid by its charge; it succeeds when the charge is paid. */
public final class RechargeRecord implements Listed {

    private final String id;
    private final Position position;
    private final String app;
    private final String user;
    private final String fromUser;
    private final long userFee;
    private final long bonusAmount;
    private final String bonusId;
    private final String description;
    private final Map<String, String> metadata;
    private ChargeRecord charge;

    private boolean succeeded;
    private boolean refunded;
    private Long timeSucceeded;
    private String balanceTransaction;

    RechargeRecord(String id, Position position, String app, String user, String fromUser, long userFee, long bonusAmount,
            String bonusId, String description, Map<String, String> metadata) {
        this.id = id;
        this.position = position;
        this.app = app;
        this.user = user;
        this.fromUser = fromUser;
        this.userFee = userFee;
        this.bonusAmount = bonusAmount;
        this.bonusId = bonusId;
        this.description = description;
        this.metadata = Maps.copy(metadata);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Position position() {
        return position;
    }

    public String app() {
        return app;
    }

    public String user() {
        return user;
    }

    public synchronized boolean isSucceeded() {
        return succeeded;
    }

    public synchronized boolean isRefunded() {
        return refunded;
    }

    synchronized void markRefunded() {
        refunded = true;
    }

    synchronized String chargeId() {
        return charge.id();
    }

    synchronized void attach(ChargeRecord charge) {
        this.charge = charge;
    }

    /**
     * What the recharge adds to the user's balance ({@code recharge.amount}, a {@code recharge} transaction): the
     * amount paid, less the fee. The bonus is a transaction of its own ({@code receipts_extra}).
     */
    synchronized long creditedAmount() {
        return charge.amount() - userFee;
    }

    long bonusAmount() {
        return bonusAmount;
    }

    String bonusId() {
        return bonusId;
    }

    String description() {
        return description;
    }

    synchronized void succeed(long now, String balanceTransaction) {
        this.succeeded = true;
        this.timeSucceeded = now;
        this.balanceTransaction = balanceTransaction;
    }

    public synchronized Recharge toModel() {
        BalanceBonus bonus = bonusAmount == 0 ? new BalanceBonus()
                : new BalanceBonus().id(bonusId)._object(BalanceBonus.ObjectEnum.BALANCE_BONUS).amount(bonusAmount)
                        .user(user).created(position.created());
        return new Recharge(id, Recharge.ObjectEnum.RECHARGE, app, created(), charge.amount(), user, charge.toModel())
                .livemode(false)
                .succeeded(succeeded)
                .timeSucceeded(timeSucceeded)
                .refunded(refunded)
                .fromUser(fromUser)
                .userFee(userFee)
                .balanceBonus(bonus)
                .refunds(new RefundList(RefundList.ObjectEnum.LIST, "/v1/apps/" + app + "/recharges/" + id + "/refunds",
                        false, charge.refunds().newestFirst().map(RefundRecord::toModel).toList()))
                .balanceTransaction(balanceTransaction)
                .description(description)
                .metadata(metadata);
    }
}
