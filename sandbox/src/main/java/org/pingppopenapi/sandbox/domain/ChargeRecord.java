package org.pingppopenapi.sandbox.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.pingppopenapi.server.model.Charge;
import org.pingppopenapi.server.model.RefundFundingSource;
import org.pingppopenapi.server.model.RefundList;

/**
 * A charge and what happened to it: created unpaid with a credential; then paid, failed, or left until it
 * expires; refunded in parts up to what was paid. Every change and every snapshot holds the record's lock, so a
 * snapshot never shows {@code amount_refunded} and {@code refunds} out of step.
 */
public final class ChargeRecord implements Listed {

    /** How many refunds a charge object embeds; the rest are listed through its refunds. */
    private static final int EMBEDDED_REFUNDS = 10;

    private final String id;
    private final Position position;
    private final NewCharge fields;
    private final ObjectNode credential;
    private final ChargeOwner owner;
    private final Timeline<RefundRecord> refunds = new Timeline<>();

    private boolean paid;
    private Long timePaid;
    private String transactionNo;
    private String failureCode;
    private String failureMsg;
    private boolean closed;
    private boolean reversed;
    private long amountRefunded;

    ChargeRecord(String id, Position position, NewCharge fields, ObjectNode credential, ChargeOwner owner) {
        this.id = id;
        this.position = position;
        this.fields = fields;
        this.credential = credential;
        this.owner = owner;
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
        return fields.app().id();
    }

    public String channel() {
        return fields.channel();
    }

    public String orderNo() {
        return fields.orderNo();
    }

    public long amount() {
        return fields.amount();
    }

    public long timeExpire() {
        return fields.timeExpire();
    }

    ChargeOwner owner() {
        return owner;
    }

    ObjectNode credential() {
        return credential;
    }

    Map<String, Object> extra() {
        return fields.extra();
    }

    public synchronized boolean isPaid() {
        return paid;
    }

    public synchronized String transactionNo() {
        return transactionNo;
    }

    public synchronized boolean isReversed() {
        return reversed;
    }

    /** Whether any of it was refunded. */
    public synchronized boolean hasRefunds() {
        return amountRefunded > 0;
    }

    public synchronized long amountRefunded() {
        return amountRefunded;
    }

    public Timeline<RefundRecord> refunds() {
        return refunds;
    }

    /** The customer paid: refused when the charge is paid already, failed, superseded or expired. */
    synchronized void markPaid(long now, String transactionNo) {
        checkOpen(now);
        this.paid = true;
        this.timePaid = now;
        this.transactionNo = transactionNo;
    }

    /** The customer's payment failed; the charge is closed. */
    synchronized void markFailed(long now, String failureCode, String failureMsg) {
        checkOpen(now);
        this.failureCode = failureCode;
        this.failureMsg = failureMsg;
        this.closed = true;
    }

    /**
     * The merchant reversed the charge: an unpaid one closes (refused once it failed or was reversed already); a paid
     * one, refunded by the caller, is marked reversed.
     */
    synchronized void markReversed() {
        if (reversed) {
            throw Errors.refused("charge_closed", null, "Charge " + id + " is already reversed.");
        }
        if (!paid && closed) {
            throw Errors.refused("charge_closed", null, "Charge " + id + " is closed: "
                    + (failureCode != null ? "its payment failed (" + failureCode + ")." : "another payment replaced it."));
        }
        reversed = true;
        closed = !paid;
    }

    /** Another payment attempt replaced this unpaid charge, which can no longer be paid. */
    synchronized void supersede() {
        if (!paid) {
            closed = true;
        }
    }

    private void checkOpen(long now) {
        if (paid) {
            throw Errors.refused("charge_already_paid", null, "Charge " + id + " is already paid.");
        }
        if (closed) {
            throw Errors.refused("charge_closed", null, "Charge " + id + " is closed: " + (reversed ? "it was reversed."
                    : failureCode != null ? "its payment failed (" + failureCode + ")." : "another payment replaced it."));
        }
        if (now > fields.timeExpire()) {
            throw Errors.refused("charge_closed", null, "Charge " + id + " expired at " + fields.timeExpire() + ".");
        }
    }

    /** What is left to refund, in the smallest currency unit. */
    synchronized long refundable() {
        return paid ? fields.amount() - amountRefunded : 0;
    }

    /**
     * Refunds {@code amount}, or everything left when it is null; refused for an unpaid charge and for more than
     * is left.
     */
    synchronized RefundRecord refund(Long amount, String amountParam, String description, Map<String, String> metadata,
            RefundFundingSource fundingSource, String refundId, long now, String refundTransactionNo) {
        if (!paid) {
            throw Errors.refused("charge_not_paid", null, "Charge " + id + " is not paid; only paid charges can be refunded.");
        }
        long left = fields.amount() - amountRefunded;
        if (left == 0) {
            throw Errors.refused("charge_refunded", null, "Charge " + id + " is fully refunded.");
        }
        long requested = amount == null ? left : amount;
        if (requested > left) {
            throw Errors.refused("refund_amount_exceeded", amountParam, "The refund of " + requested + " is more than the "
                    + left + " left to refund of charge " + id + " (" + fields.amount() + " paid, " + amountRefunded
                    + " refunded).");
        }
        RefundRecord refund = new RefundRecord(refundId, Timeline.next(now), id, fields.orderNo(), requested,
                fields.currency(), description, Maps.copy(metadata), fundingSource, refundTransactionNo);
        if (!refunds.add(refund)) {
            throw new IllegalStateException("Refund id " + refundId + " is taken");
        }
        amountRefunded += requested;
        return refund;
    }

    /** The charge as the API shows it; {@code app} is the id, or the app object when expanded. */
    public synchronized Charge toModel(Object app) {
        Page<RefundRecord> latestRefunds = Page.byCursor(refunds, refund -> true, EMBEDDED_REFUNDS, null, null, "refund");
        RefundList refundList = new RefundList(RefundList.ObjectEnum.LIST, "/v1/charges/" + id + "/refunds",
                latestRefunds.hasMore(), latestRefunds.map(RefundRecord::toModel));
        return new Charge(id, Charge.ObjectEnum.CHARGE, created(), false, paid, paid && fields.amount() > 0 && amountRefunded == fields.amount(),
                app, fields.channel(), fields.orderNo(), fields.amount(), fields.currency())
                .reversed(reversed)
                .clientIp(fields.clientIp())
                .amountSettle(fields.amount())
                .subject(fields.subject())
                .body(fields.body())
                .extra(fields.extra())
                .timePaid(timePaid)
                .timeExpire(fields.timeExpire())
                .transactionNo(transactionNo)
                .refunds(refundList)
                .amountRefunded(amountRefunded)
                .failureCode(failureCode)
                .failureMsg(failureMsg)
                .metadata(fields.metadata())
                .credential(credential)
                .description(fields.description());
    }

    /** The charge with {@code app} as its id. */
    public Charge toModel() {
        return toModel(app());
    }
}
