package org.pingppopenapi.sandbox.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.pingppopenapi.server.PingppErrorException;
import org.pingppopenapi.server.PingppJson;
import org.pingppopenapi.server.model.BalanceTransaction.TypeEnum;
import org.pingppopenapi.server.model.ErrorDetail;
import org.pingppopenapi.server.model.Order;
import org.pingppopenapi.server.model.OrderCancelRequest;
import org.pingppopenapi.server.model.OrderCreateRequest;
import org.pingppopenapi.server.model.OrderPayRequest;
import org.pingppopenapi.server.model.OrderRefundCreateRequest;
import org.pingppopenapi.server.model.RefundMode;
import org.pingppopenapi.server.model.RoyaltyRefundUser;
import org.pingppopenapi.server.model.RoyaltyUser;
import org.pingppopenapi.validator.PingppValidator;
import org.pingppopenapi.validator.RequestKind;
import org.pingppopenapi.validator.Violation;

/**
 * The orders of one account (002): placed, paid from the balance or through a channel (paying creates the
 * charge), canceled, refunded. {@code merchant_order_no} is unique per app.
 *
 * <p>A {@code coupon} is redeemed by the orders resource before the order is placed, which gets its discount.
 */
public final class OrderBook {

    /** 002: offline-scan orders default to expiring "23小时59分" after creation; the sandbox uses it for all. */
    private static final Duration DEFAULT_EXPIRY = Duration.ofHours(23).plusMinutes(59);
    private static final String DEFAULT_UID = "0";
    private static final ObjectMapper JSON = PingppJson.newObjectMapper();
    /** The charge request fields of an order payment, by the name the pay request gives them. */
    private static final String ORDER_SUCCEEDED = "order.succeeded";
    private static final String ORDER_REFUND_SUCCEEDED = "order.refund.succeeded";
    private static final Map<String, String> PAY_PARAMS = Map.of("order_no", "charge_order_no", "amount", "charge_amount");

    private final Clock clock;
    private final IdGenerator ids;
    private final AppBook apps;
    private final UserBook users;
    private final Ledger ledger;
    private final ChargeBook charges;
    private final EventLog events;
    private final PingppValidator validator;
    private final Timeline<OrderRecord> orders = new Timeline<>();
    private final ConcurrentMap<MerchantOrderNo, String> merchantOrderNos = new ConcurrentHashMap<>();

    OrderBook(Clock clock, IdGenerator ids, AppBook apps, UserBook users, Ledger ledger, ChargeBook charges, EventLog events,
            PingppValidator validator) {
        this.clock = clock;
        this.ids = ids;
        this.apps = apps;
        this.users = users;
        this.ledger = ledger;
        this.charges = charges;
        this.events = events;
        this.validator = validator;
    }

    /**
     * Places an order; {@code discount} is what the coupon it names takes off {@code amount} (0 without one), so
     * the order is charged {@code actual_amount = amount - discount}.
     */
    public OrderRecord create(OrderCreateRequest request, long discount) {
        AppRecord app = apps.app(request.getApp(), "app");
        String receiptApp = request.getReceiptApp() == null ? app.id() : apps.app(request.getReceiptApp(), "receipt_app").id();
        String serviceApp = request.getServiceApp() == null ? app.id() : apps.app(request.getServiceApp(), "service_app").id();
        String uid = request.getUid() == null ? DEFAULT_UID : request.getUid();
        UserRecord user = users.user(app.id(), uid);
        user.checkEnabled("uid");
        long actualAmount = request.getAmount() - discount;
        if (request.getActualAmount() != null && request.getActualAmount() != actualAmount) {
            throw Errors.invalid("actual_amount", "actual_amount must be amount minus the coupon's discount of "
                    + discount + ": " + actualAmount + ", not " + request.getActualAmount() + ".");
        }
        checkRoyalties(request.getRoyaltyUsers(), actualAmount);
        long now = now();
        long timeExpire = request.getTimeExpire() != null ? request.getTimeExpire() : now + DEFAULT_EXPIRY.toSeconds();
        String id = ids.order(clock.instant());
        MerchantOrderNo key = new MerchantOrderNo(app.id(), request.getMerchantOrderNo());
        String taken = merchantOrderNos.putIfAbsent(key, id);
        if (taken != null) {
            throw Errors.invalid("merchant_order_no", "merchant_order_no " + request.getMerchantOrderNo()
                    + " is already used by order " + taken + " of app " + app.id() + ".");
        }
        List<String> methods = new ArrayList<>(app.availableMethods());
        methods.add("balance");
        OrderRecord order = new OrderRecord(id, Timeline.next(now), app.id(), uid, request.getMerchantOrderNo(),
                request.getAmount(), actualAmount, request.getCurrency(), request.getSubject(), request.getBody(),
                request.getClientIp(), request.getDescription(), request.getCoupon(), timeExpire, request.getMetadata(),
                receiptApp, serviceApp, user.availableBalance(), methods);
        orders.add(order);
        return order;
    }

    private static void checkRoyalties(List<RoyaltyUser> royaltyUsers, long actualAmount) {
        if (royaltyUsers == null) {
            return;
        }
        long total = 0;
        for (RoyaltyUser royalty : royaltyUsers) {
            total += royalty.getAmount();
            if (total > actualAmount) {
                throw Errors.invalid("royalty_users", "The royalty users' shares add up to more than the "
                        + actualAmount + " to pay.");
            }
        }
    }

    public OrderRecord order(String id) {
        return orders.find(id).orElseThrow(() -> Errors.noSuch("order", id));
    }

    /**
     * Pays an order waiting to be paid: from the balance at once, or through a channel, which creates the charge the
     * customer then pays (the order is paid when the charge is).
     */
    public OrderRecord pay(String id, OrderPayRequest request) {
        OrderRecord order = order(id);
        synchronized (order) {
            long now = now();
            order.checkPayable(now);
            long chargeAmount = request.getChargeAmount();
            long balanceAmount = request.getBalanceAmount() == null ? 0 : request.getBalanceAmount();
            if (chargeAmount > 0 && balanceAmount > 0) {
                throw Errors.invalid("balance_amount", "Paying with the balance and a channel together is not supported yet.");
            }
            long due = order.amountDue();
            if (chargeAmount + balanceAmount != due) {
                throw Errors.invalid(chargeAmount > 0 ? "charge_amount" : "balance_amount", "Order " + id + " has "
                        + due + " to pay; charge_amount plus balance_amount is " + (chargeAmount + balanceAmount) + ".");
            }
            if (chargeAmount > 0) {
                payThroughChannel(order, request, now);
            } else {
                payFromBalance(order, balanceAmount, now);
            }
            return order;
        }
    }

    private void payFromBalance(OrderRecord order, long balanceAmount, long now) {
        if (balanceAmount > 0 && !order.receiptApp().equals(order.app())) {
            throw Errors.invalid("balance_amount", "Balance payment is not supported when receipt_app "
                    + order.receiptApp() + " is not the order's app " + order.app() + ".");
        }
        String transaction = balanceAmount == 0 ? null : ledger.debit(order.app(), order.uid(), balanceAmount,
                TypeEnum.PAYMENT, order.id(), order.subject(), "balance_amount").id();
        order.paidFromBalance(balanceAmount, now, transaction);
        events.record(ORDER_SUCCEEDED, order.app(), order.toModel(), true);
    }

    private void payThroughChannel(OrderRecord order, OrderPayRequest request, long now) {
        AppRecord receiptApp = apps.app(order.receiptApp(), "receipt_app");
        charges.checkChannel(receiptApp, request.getChannel(), "channel");
        String orderNo = request.getChargeOrderNo() != null ? request.getChargeOrderNo() : order.merchantOrderNo();
        checkChargeRules(order, request, orderNo, receiptApp.id(), now);
        long timeExpire = request.getTimeExpire() != null ? request.getTimeExpire()
                : Math.min(order.timeExpire(), now + Channels.chargeDefaultExpiry(request.getChannel()).toSeconds());
        NewCharge fields = new NewCharge(receiptApp, request.getChannel(), orderNo, request.getChargeAmount(),
                order.currency(), order.clientIp(), order.subject(), order.body(), Maps.copy(request.getExtra()), timeExpire,
                Map.of(), null);
        ChargeRecord charge = charges.register(fields, new OrderPayment(order), "charge_order_no");
        order.awaitCharge(charge);
    }

    /**
     * The charge an order payment creates must pass the channel's charge rules ({@code order_no} length and
     * characters, {@code extra}, subject bytes...), reported under the pay request's names.
     */
    private void checkChargeRules(OrderRecord order, OrderPayRequest request, String orderNo, String app, long now) {
        ObjectNode charge = JSON.createObjectNode()
                .put("order_no", orderNo)
                .put("channel", request.getChannel())
                .put("amount", request.getChargeAmount())
                .put("client_ip", order.clientIp())
                .put("currency", order.currency())
                .put("subject", order.subject())
                .put("body", order.body());
        charge.putObject("app").put("id", app);
        if (request.getExtra() != null) {
            charge.set("extra", JSON.valueToTree(request.getExtra()));
        }
        if (request.getTimeExpire() != null) {
            charge.put("time_expire", request.getTimeExpire());
        }
        List<Violation> violations = validator.validate(RequestKind.named("charge"), charge, Instant.ofEpochSecond(now));
        violations.stream().min(Comparator.comparing(Violation::field)).ifPresent(first -> {
            String param = PAY_PARAMS.getOrDefault(first.field(), first.field());
            throw Errors.invalid(param, "The charge paying order " + order.id() + " breaks the channel's rules: "
                    + first.message().replace(first.field(), param));
        });
    }

    public OrderRecord cancel(String id, OrderCancelRequest request) {
        OrderRecord order = order(id);
        order.cancel(now(), request.getUser());
        return order;
    }

    /**
     * Refunds a paid order that is not fully refunded: the channel payment through its charge (or to the balance
     * with {@code refund_mode: to_balance}), a balance payment to the balance. Returns the charge refunds made.
     */
    public List<RefundRecord> refund(String id, OrderRefundCreateRequest request) {
        OrderRecord order = order(id);
        synchronized (order) {
            if (!order.isPaid()) {
                throw Errors.refused("order_not_paid", null, "Order " + id + " is not paid; only paid orders can be refunded.");
            }
            if (order.refundable() == 0) {
                throw Errors.refused("order_refunded", null, "Order " + id + " is fully refunded.");
            }
            checkRoyaltyRefunds(request.getRoyaltyUsers());
            long now = now();
            ChargeRecord paidCharge = order.charges().stream().filter(ChargeRecord::isPaid).reduce((a, b) -> b).orElse(null);
            if (paidCharge == null) {
                return refundBalancePayment(order, request, now);
            }
            if (request.getCharge() != null && !request.getCharge().equals(paidCharge.id())) {
                throw Errors.invalid("charge", "Charge " + request.getCharge() + " did not pay order " + id
                        + "; its paid charge is " + paidCharge.id() + ".");
            }
            synchronized (paidCharge) {
                long amount = request.getChargeAmount() != null ? request.getChargeAmount() : paidCharge.refundable();
                if (amount > order.refundable() || amount > paidCharge.refundable()) {
                    throw Errors.refused("refund_amount_exceeded", "charge_amount", "The refund of " + amount
                            + " is more than the " + Math.min(order.refundable(), paidCharge.refundable())
                            + " left to refund of order " + id + ".");
                }
                if (request.getRefundMode() == RefundMode.TO_BALANCE) {
                    String refundId = newRefundId(order);
                    String transaction = ledger.credit(order.app(), order.uid(), amount, TypeEnum.PAYMENT_REFUND, refundId,
                            request.getDescription()).id();
                    recordOrderRefund(refundId, order, amount, amount, 0, transaction, null,
                            request.getDescription(), request.getMetadata(), RefundMode.TO_BALANCE, now);
                    return List.of();
                }
                RefundRecord refund = charges.refundLocked(paidCharge, amount, "charge_amount", request.getDescription(),
                        request.getMetadata(), request.getFundingSource(), now);
                recordOrderRefund(newRefundId(order), order, amount, 0, amount, null, refund.id(), request.getDescription(),
                        request.getMetadata(), RefundMode.TO_SOURCE, now);
                return List.of(refund);
            }
        }
    }

    private List<RefundRecord> refundBalancePayment(OrderRecord order, OrderRefundCreateRequest request, long now) {
        if (request.getCharge() != null) {
            throw Errors.invalid("charge", "Order " + order.id() + " was paid from the balance, not by a charge.");
        }
        if (request.getChargeAmount() != null) {
            throw Errors.invalid("charge_amount", "Order " + order.id()
                    + " was paid from the balance; its refund returns the whole balance payment.");
        }
        long amount = order.refundable();
        String refundId = newRefundId(order);
        String transaction = ledger.credit(order.app(), order.uid(), amount, TypeEnum.PAYMENT_REFUND, refundId,
                request.getDescription()).id();
        recordOrderRefund(refundId, order, amount, amount, 0, transaction, null, request.getDescription(),
                request.getMetadata(), RefundMode.TO_BALANCE, now);
        return List.of();
    }

    private static void checkRoyaltyRefunds(List<RoyaltyRefundUser> royaltyUsers) {
        if (royaltyUsers == null) {
            return;
        }
        for (int i = 0; i < royaltyUsers.size(); i++) {
            if (royaltyUsers.get(i).getUser().isBlank()) {
                throw Errors.invalid("royalty_users[" + i + "].user", "A royalty user needs an id.");
            }
        }
    }

    private String newRefundId(OrderRecord order) {
        String id;
        do {
            id = ids.orderRefund(clock.instant());
        } while (order.refunds().find(id).isPresent());
        return id;
    }

    private void recordOrderRefund(String id, OrderRecord order, long amount, long balanceAmount, long chargeAmount,
            String balanceTransaction, String chargeRefund, String description, Map<String, String> metadata,
            RefundMode mode, long now) {
        OrderRefundRecord refund = new OrderRefundRecord(id, Timeline.next(now), order.id(), order.app(),
                order.uid(), order.merchantOrderNo(), amount, balanceAmount, chargeAmount, order.coupon(),
                balanceTransaction, chargeRefund, description, Maps.copy(metadata), mode);
        order.recordRefund(refund);
        events.record(ORDER_REFUND_SUCCEEDED, order.app(), refund.toModel(), true);
    }

    public Stream<OrderRecord> orders(String app, String uid, String receiptApp, String serviceApp, Boolean paid,
            Boolean refunded, Integer canceled, String type, CreatedRange created) {
        return orders.newestFirst()
                .filter(order -> order.app().equals(app))
                .filter(order -> uid == null || uid.equalsIgnoreCase(order.uid()))
                .filter(order -> receiptApp == null || receiptApp.equals(order.receiptApp()))
                .filter(order -> serviceApp == null || serviceApp.equals(order.serviceApp()))
                .filter(order -> paid == null || paid == order.isPaid())
                .filter(order -> refunded == null || refunded == order.hasRefunds())
                .filter(order -> canceled == null || (canceled == 1) == (order.status() == Order.StatusEnum.CANCELED))
                .filter(order -> type == null || "purchase".equals(type))
                .filter(created);
    }

    /** The charges made to pay an order, newest first. */
    public Stream<ChargeRecord> charges(String orderId, String channel, Boolean paid, Boolean refunded) {
        List<ChargeRecord> made = new ArrayList<>(order(orderId).charges());
        Collections.reverse(made);
        return made.stream()
                .filter(charge -> channel == null || channel.equals(charge.channel()))
                .filter(charge -> paid == null || paid == charge.isPaid())
                .filter(charge -> refunded == null || refunded == charge.hasRefunds());
    }

    public ChargeRecord charge(String orderId, String chargeId) {
        return order(orderId).charges().stream().filter(charge -> charge.id().equals(chargeId)).findFirst()
                .orElseThrow(() -> Errors.noSuch("charge", chargeId));
    }

    /**
     * A charge refund of the order, by its {@code re_} id, or by the id of the order refund record that made it (the
     * documents' numeric id). An order refund to the balance made no charge refund.
     */
    public RefundRecord chargeRefund(String orderId, String refundId) {
        OrderRecord order = order(orderId);
        Optional<OrderRefundRecord> record = order.refunds().find(refundId);
        String chargeRefundId = record.isPresent() ? record.get().chargeRefund() : refundId;
        if (chargeRefundId == null) {
            throw new PingppErrorException(404, ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR, "Order refund " + refundId
                    + " of order " + orderId + " went to the user's balance; it made no charge refund.", null, "id");
        }
        return order.charges().stream()
                .flatMap(charge -> charge.refunds().find(chargeRefundId).stream())
                .findFirst()
                .orElseThrow(() -> Errors.noSuch("refund", refundId));
    }

    /** The charge refunds of the order, newest first. */
    public Stream<RefundRecord> chargeRefunds(String orderId, CreatedRange created) {
        return order(orderId).charges().stream()
                .flatMap(charge -> charge.refunds().newestFirst())
                .sorted(Comparator.comparing(RefundRecord::position))
                .filter(created);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    /** The order side of a charge that pays an order. */
    private final class OrderPayment implements ChargeOwner {

        private final OrderRecord order;

        OrderPayment(OrderRecord order) {
            this.order = order;
        }

        @Override
        public Object monitor() {
            return order;
        }

        @Override
        public void chargePaid(ChargeRecord charge, long now) {
            order.chargePaid(charge, now);
            events.record(ORDER_SUCCEEDED, order.app(), order.toModel(), false);
        }

        @Override
        public void checkRefundable(ChargeRecord charge, long amount) {
            if (amount > order.refundable()) {
                throw Errors.refused("refund_amount_exceeded", "amount", "The refund of " + amount + " is more than the "
                        + order.refundable() + " left to refund of order " + order.id() + ", which charge " + charge.id()
                        + " paid.");
            }
        }

        @Override
        public void chargeRefunded(ChargeRecord charge, RefundRecord refund, long now) {
            recordOrderRefund(newRefundId(order), order, refund.amount(), 0, refund.amount(), null, refund.id(), refund.description(),
                    refund.metadata(), RefundMode.TO_SOURCE, now);
        }
    }

    private record MerchantOrderNo(String app, String merchantOrderNo) {
    }
}
