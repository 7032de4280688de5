package org.pingppopenapi.sandbox.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.server.model.Charge;
import org.pingppopenapi.server.model.ChargeEssentials;
import org.pingppopenapi.server.model.ChargeList;
import org.pingppopenapi.server.model.Order;
import org.pingppopenapi.server.model.OrderRefundList;

/**
 * An order and its state machine (002): {@code created} (waiting to be paid) → {@code paid} → {@code refunded}
 * (once it has a refund); {@code created} → {@code canceled}. Canceled and expired orders cannot be paid; paid and
 * expired orders cannot be canceled. An order whose channel payment was already opened is still marked paid if
 * the customer pays after it was canceled. All methods run under the record's lock.
 */
public final class OrderRecord implements Listed {

    /** How many order refunds and charges an order object embeds, newest first (002: "Charge 对象不包含 refund 对象"). */
    private static final int EMBEDDED_REFUNDS = 10;
    private static final int EMBEDDED_CHARGES = 10;

    private final String id;
    private final Position position;
    private final String app;
    private final String uid;
    private final String merchantOrderNo;
    private final long amount;
    private final long actualAmount;
    private final String currency;
    private final String subject;
    private final String body;
    private final String clientIp;
    private final String description;
    private final String coupon;
    private final long timeExpire;
    private final Map<String, String> metadata;
    private final String receiptApp;
    private final String serviceApp;
    private final long availableBalance;
    private final List<String> availableMethods;
    private final Timeline<OrderRefundRecord> refunds = new Timeline<>();

    private Order.StatusEnum status = Order.StatusEnum.CREATED;
    private Long timePaid;
    private long balanceAmount;
    private long chargeAmount;
    private long amountPaid;
    private long amountRefunded;
    private String balanceTransaction;
    private final List<ChargeRecord> charges = new ArrayList<>();

    OrderRecord(String id, Position position, String app, String uid, String merchantOrderNo, long amount,
            long actualAmount, String currency, String subject, String body, String clientIp, String description,
            String coupon, long timeExpire, Map<String, String> metadata, String receiptApp, String serviceApp,
            long availableBalance, List<String> availableMethods) {
        this.id = id;
        this.position = position;
        this.app = app;
        this.uid = uid;
        this.merchantOrderNo = merchantOrderNo;
        this.amount = amount;
        this.actualAmount = actualAmount;
        this.currency = currency;
        this.subject = subject;
        this.body = body;
        this.clientIp = clientIp;
        this.description = description;
        this.coupon = coupon;
        this.timeExpire = timeExpire;
        this.metadata = Maps.copy(metadata);
        this.receiptApp = receiptApp;
        this.serviceApp = serviceApp;
        this.availableBalance = availableBalance;
        this.availableMethods = List.copyOf(availableMethods);
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

    public String uid() {
        return uid;
    }

    String merchantOrderNo() {
        return merchantOrderNo;
    }

    String currency() {
        return currency;
    }

    String subject() {
        return subject;
    }

    String body() {
        return body;
    }

    String clientIp() {
        return clientIp;
    }

    String description() {
        return description;
    }

    String coupon() {
        return coupon;
    }

    long timeExpire() {
        return timeExpire;
    }

    String receiptApp() {
        return receiptApp;
    }

    public String serviceApp() {
        return serviceApp;
    }

    public synchronized Order.StatusEnum status() {
        return status;
    }

    public synchronized boolean isPaid() {
        return status == Order.StatusEnum.PAID || status == Order.StatusEnum.REFUNDED;
    }

    public synchronized boolean hasRefunds() {
        return refunds.size() > 0;
    }

    public Timeline<OrderRefundRecord> refunds() {
        return refunds;
    }

    synchronized List<ChargeRecord> charges() {
        return List.copyOf(charges);
    }

    synchronized long amountDue() {
        return actualAmount - amountPaid;
    }

    synchronized long refundable() {
        return amountPaid - amountRefunded;
    }

    synchronized long balanceAmount() {
        return balanceAmount;
    }

    /** Refuses payment of a canceled, paid or expired order. */
    synchronized void checkPayable(long now) {
        switch (status) {
            case CANCELED -> throw Errors.refused("order_canceled", null, "Order " + id + " is canceled; canceled orders cannot be paid.");
            case PAID, REFUNDED -> throw Errors.refused("order_paid", null, "Order " + id + " is already paid.");
            case CREATED -> {
                if (now > timeExpire) {
                    throw Errors.refused("order_expired", null, "Order " + id + " expired at " + timeExpire
                            + "; expired orders cannot be paid.");
                }
            }
        }
    }

    /** Cancels an order waiting to be paid; refuses a paid, canceled or expired one, or another user's. */
    synchronized void cancel(long now, String user) {
        switch (status) {
            case PAID, REFUNDED -> throw Errors.refused("order_paid", null, "Order " + id + " is paid; paid orders cannot be canceled.");
            case CANCELED -> throw Errors.refused("order_canceled", null, "Order " + id + " is already canceled.");
            case CREATED -> {
                if (now > timeExpire) {
                    throw Errors.refused("order_expired", null, "Order " + id + " expired at " + timeExpire
                            + "; expired orders cannot be canceled.");
                }
            }
        }
        if (user != null && !user.equalsIgnoreCase(uid)) {
            throw Errors.invalid("user", "Order " + id + " belongs to another user than " + user + ".");
        }
        status = Order.StatusEnum.CANCELED;
    }

    /** Paid in full from the user's balance (or nothing was due). */
    synchronized void paidFromBalance(long balanceAmount, long now, String balanceTransaction) {
        this.balanceAmount = balanceAmount;
        this.amountPaid += balanceAmount;
        this.balanceTransaction = balanceTransaction;
        this.timePaid = now;
        this.status = Order.StatusEnum.PAID;
    }

    /** A charge for the channel payment was created; an earlier unpaid one is superseded. */
    synchronized void awaitCharge(ChargeRecord charge) {
        charges.forEach(ChargeRecord::supersede);
        charges.add(charge);
        chargeAmount = charge.amount();
    }

    /** The customer paid the order's charge. */
    synchronized void chargePaid(ChargeRecord charge, long now) {
        amountPaid += charge.amount();
        timePaid = now;
        if (status != Order.StatusEnum.REFUNDED) {
            status = Order.StatusEnum.PAID;
        }
    }

    synchronized void recordRefund(OrderRefundRecord refund) {
        if (!refunds.add(refund)) {
            throw new IllegalStateException("Order refund id " + refund.id() + " is taken");
        }
        amountRefunded += refund.amount();
        status = Order.StatusEnum.REFUNDED;
    }

    synchronized ChargeRecord currentCharge() {
        return charges.isEmpty() ? null : charges.get(charges.size() - 1);
    }

    public synchronized Order toModel() {
        Page<OrderRefundRecord> latestRefunds = Page.byCursor(refunds, refund -> true, EMBEDDED_REFUNDS, null, null, "order_refund");
        ChargeRecord current = currentCharge();
        List<Charge> latestCharges = new ArrayList<>();
        for (int i = charges.size() - 1; i >= 0 && latestCharges.size() < EMBEDDED_CHARGES; i--) {
            latestCharges.add(charges.get(i).toModel().refunds(null));
        }
        return new Order(id, Order.ObjectEnum.ORDER, created(), status, app, merchantOrderNo, amount)
                .livemode(false)
                .paid(isPaid())
                .refunded(!latestRefunds.items().isEmpty())
                .uid(uid)
                .type("purchase")
                .couponAmount(amount - actualAmount)
                .actualAmount(actualAmount)
                .balanceAmount(balanceAmount)
                .chargeAmount(chargeAmount)
                .amountPaid(amountPaid)
                .amountRefunded(amountRefunded)
                .currency(currency)
                .subject(subject)
                .body(body)
                .clientIp(clientIp)
                .availableBalance(availableBalance)
                .timePaid(timePaid)
                .timeExpire(timeExpire)
                .refunds(new OrderRefundList(OrderRefundList.ObjectEnum.LIST, "/v1/orders/" + id + "/order_refunds",
                        latestRefunds.hasMore(), latestRefunds.map(OrderRefundRecord::toModel)))
                .charge(current == null ? null : current.id())
                .charges(new ChargeList(ChargeList.ObjectEnum.LIST, "/v1/orders/" + id + "/charges",
                        charges.size() > EMBEDDED_CHARGES, latestCharges))
                .balanceTransaction(balanceTransaction)
                .coupon(coupon)
                .description(description)
                .metadata(metadata)
                .chargeEssentials(essentials(current))
                .userFee(0L)
                .extraAmount(0L)
                .receiptApp(receiptApp)
                .serviceApp(serviceApp)
                .availableMethods(availableMethods);
    }

    private static ChargeEssentials essentials(ChargeRecord charge) {
        if (charge == null) {
            return new NoChargeEssentials();
        }
        return new ChargeEssentials()
                .channel(charge.channel())
                .transactionNo(charge.transactionNo())
                .credential(charge.credential())
                .extra(charge.extra());
    }
}
