package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.pingppopenapi.server.model.ChargeCreateRequest;
import org.pingppopenapi.server.model.RefundCreateRequest;
import org.pingppopenapi.server.model.RefundFundingSource;

/**
 * The charges of one account and their refunds.
 *
 * <p>{@code order_no} is unique per app and channel family (001: an {@code order_no} used with {@code wx_pub}
 * cannot be used again with {@code wx} or {@code wx_pub_qr}), for every charge: created directly, by an order
 * payment or by a recharge. A charge that pays an order or a recharge changes together with it: its owner is
 * locked first, then the charge.
 */
public final class ChargeBook {

    /** The channel group whose refunds take {@code funding_source} (002). */
    private static final String FUNDING_SOURCE_GROUP = "refund_funding_source";
    /** The channels whose charges can be reversed, and those whose paid charges can (002, "撤销 Charge 对象"). */
    private static final String REVERSIBLE_GROUP = "reversible";
    private static final String REVERSIBLE_AFTER_PAYMENT_GROUP = "reversible_after_payment";
    /** The account system's balance, which a charge may use besides the payment channels. */
    static final String BALANCE = "balance";
    static final String CHARGE_SUCCEEDED = "charge.succeeded";
    static final String REFUND_SUCCEEDED = "refund.succeeded";
    /** The charge list searches about the last month when no {@code created} filter is given. */
    private static final Duration DEFAULT_LIST_WINDOW = Duration.ofDays(30);

    private final Clock clock;
    private final IdGenerator ids;
    private final Credentials credentials;
    private final AppBook apps;
    private final EventLog events;
    private final Timeline<ChargeRecord> charges = new Timeline<>();
    private final ConcurrentMap<OrderNoKey, String> orderNos = new ConcurrentHashMap<>();

    ChargeBook(Clock clock, IdGenerator ids, Credentials credentials, AppBook apps, EventLog events) {
        this.clock = clock;
        this.ids = ids;
        this.credentials = credentials;
        this.apps = apps;
        this.events = events;
    }

    /** Creates a charge, unpaid, with its credential; {@code time_expire} defaults per channel. */
    public ChargeRecord create(ChargeCreateRequest request) {
        AppRecord app = apps.app(request.getApp().getId(), "app.id");
        String channel = request.getChannel();
        checkChannel(app, channel, "channel");
        long now = now();
        long timeExpire = request.getTimeExpire() != null ? request.getTimeExpire()
                : now + Channels.chargeDefaultExpiry(channel).toSeconds();
        return register(new NewCharge(app, channel, request.getOrderNo(), request.getAmount(), request.getCurrency(),
                request.getClientIp(), request.getSubject(), request.getBody(), Maps.copy(request.getExtra()), timeExpire,
                Maps.copy(request.getMetadata()), request.getDescription()), null, "order_no");
    }

    /** Refuses a channel the sandbox does not know, and one the (sub-)app has banned. */
    void checkChannel(AppRecord app, String channel, String param) {
        if (!Channels.isKnown(channel) && !BALANCE.equals(channel)) {
            throw Errors.invalid(param, "Channel " + channel + " is not supported. Supported channels: "
                    + String.join(", ", Channels.all()) + ", " + BALANCE + ".");
        }
        app.channel(channel).filter(ChannelConfig::banned).ifPresent(banned -> {
            throw Errors.channelRefused(param, "Channel " + channel + " is banned for app " + app.id() + ": "
                    + banned.bannedMsg());
        });
    }

    /** Stores a new charge after claiming its {@code order_no}; {@code orderNoParam} names it in the error. */
    ChargeRecord register(NewCharge fields, ChargeOwner owner, String orderNoParam) {
        OrderNoKey key = new OrderNoKey(fields.app().id(), Channels.family(fields.channel()), fields.orderNo());
        String chargeId = ids.charge();
        String taken = orderNos.putIfAbsent(key, chargeId);
        if (taken != null) {
            throw Errors.invalid(orderNoParam, "order_no " + fields.orderNo() + " is already used by charge " + taken
                    + " of app " + key.app() + " (order_no is unique across the " + key.family() + " channels).");
        }
        long now = now();
        ChargeRecord charge = new ChargeRecord(chargeId, Timeline.next(now), fields,
                credentials.forCharge(fields.channel(), fields.orderNo(), fields.amount(), clock.instant()), owner);
        while (!charges.add(charge)) {
            // The random id of an earlier charge: unlikely, but ids must be unique.
            String retry = ids.charge();
            orderNos.replace(key, charge.id(), retry);
            charge = new ChargeRecord(retry, charge.position(), fields, charge.credential(), owner);
        }
        return charge;
    }

    public ChargeRecord charge(String id) {
        return charges.find(id).orElseThrow(() -> Errors.noSuch("charge", id));
    }

    /** A page of the charges of {@code app}; without {@code created} filters, of the last 30 days only. */
    public Page<ChargeRecord> page(String app, String channel, Boolean paid, Boolean refunded, Boolean reversed,
            CreatedRange created, int limit, String startingAfter, String endingBefore) {
        CreatedRange window = created.isUnbounded()
                ? new CreatedRange(null, now() - DEFAULT_LIST_WINDOW.toSeconds(), null, null) : created;
        return Page.byCursor(charges, charge -> app.equals(charge.app())
                && (channel == null || channel.equals(charge.channel()))
                && (paid == null || paid == charge.isPaid())
                && (refunded == null || refunded == charge.hasRefunds())
                && (reversed == null || reversed == charge.isReversed())
                && window.test(charge), limit, startingAfter, endingBefore, "charge");
    }

    /** The customer pays the charge (sandbox only): {@code charge.succeeded}, and the order or recharge it pays. */
    public ChargeRecord simulatePayment(String id) {
        ChargeRecord charge = charge(id);
        ChargeOwner owner = charge.owner();
        synchronized (owner != null ? owner.monitor() : charge) {
            synchronized (charge) {
                long now = now();
                charge.markPaid(now, credentials.transactionNo(charge.channel()));
                events.record(CHARGE_SUCCEEDED, charge.app(), charge.toModel(), false);
                if (owner != null) {
                    owner.chargePaid(charge, now);
                }
            }
        }
        return charge;
    }

    /** The customer's payment fails (sandbox only); the charge closes. No event: the documents name none. */
    public ChargeRecord simulateFailure(String id, String failureCode, String failureMsg) {
        ChargeRecord charge = charge(id);
        charge.markFailed(now(), failureCode, failureMsg);
        return charge;
    }

    /** Refunds part or all of a paid charge: {@code refund.succeeded}, and the order refund of an order's charge. */
    public RefundRecord refund(String chargeId, RefundCreateRequest request) {
        ChargeRecord charge = charge(chargeId);
        if (request.getFundingSource() != null && !Channels.inGroup(FUNDING_SOURCE_GROUP, charge.channel())) {
            throw Errors.invalid("funding_source", "funding_source applies to the WeChat channels "
                    + String.join(", ", SpecDocument.channelGroup(FUNDING_SOURCE_GROUP)) + " only, not to "
                    + charge.channel() + ".");
        }
        ChargeOwner owner = charge.owner();
        synchronized (owner != null ? owner.monitor() : charge) {
            synchronized (charge) {
                if (owner != null) {
                    owner.checkRefundable(charge, request.getAmount() != null ? request.getAmount() : charge.refundable());
                }
                long now = now();
                RefundRecord refund = refundLocked(charge, request.getAmount(), "amount", request.getDescription(),
                        request.getMetadata(), request.getFundingSource(), now);
                if (owner != null) {
                    owner.chargeRefunded(charge, refund, now);
                }
                return refund;
            }
        }
    }

    /** One charge of a batch refund: how much of it (everything left when null), why, and from which funds. */
    public record RefundItem(String chargeId, Long amount, String description, RefundFundingSource fundingSource) {
    }

    /**
     * Refunds several charges of {@code app}, all or none (a batch refund): every charge is locked (in the order of
     * their ids, each owner before its charge), every item checked as a single refund would be, and only then is
     * any refunded, so that no refund, single or batched, ever takes more than a charge has left. Errors name the
     * item: {@code charges[2].amount}.
     */
    public List<RefundRecord> refundAll(String app, List<RefundItem> items, Map<String, String> metadata) {
        List<ChargeRecord> charges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String chargeId = items.get(i).chargeId();
            String param = "charges[" + i + "].charge";
            ChargeRecord charge = this.charges.find(chargeId).orElseThrow(() -> Errors.invalid(param, "No such charge: "
                    + chargeId + "."));
            if (!app.equals(charge.app())) {
                throw Errors.invalid(param, "Charge " + chargeId + " belongs to app " + charge.app() + ", not to " + app + ".");
            }
            if (items.get(i).fundingSource() != null && !Channels.inGroup(FUNDING_SOURCE_GROUP, charge.channel())) {
                throw Errors.invalid("charges[" + i + "].funding_source", "funding_source applies to the WeChat channels "
                        + String.join(", ", SpecDocument.channelGroup(FUNDING_SOURCE_GROUP)) + " only, not to "
                        + charge.channel() + ".");
            }
            charges.add(charge);
        }
        List<ChargeRecord> lockOrder = charges.stream().sorted(Comparator.comparing(ChargeRecord::id)).toList();
        return withLocks(lockOrder, 0, () -> {
            long[] amounts = new long[items.size()];
            for (int i = 0; i < items.size(); i++) {
                ChargeRecord charge = charges.get(i);
                if (!charge.isPaid()) {
                    throw Errors.refused("charge_not_paid", "charges[" + i + "].charge", "Charge " + charge.id()
                            + " is not paid; only paid charges can be refunded.");
                }
                long left = charge.refundable();
                if (left == 0) {
                    throw Errors.refused("charge_refunded", "charges[" + i + "].charge", "Charge " + charge.id()
                            + " is fully refunded.");
                }
                amounts[i] = items.get(i).amount() != null ? items.get(i).amount() : left;
                if (amounts[i] > left) {
                    throw Errors.refused("refund_amount_exceeded", "charges[" + i + "].amount", "The refund of "
                            + amounts[i] + " is more than the " + left + " left to refund of charge " + charge.id() + " ("
                            + charge.amount() + " paid, " + charge.amountRefunded() + " refunded).");
                }
                if (charge.owner() != null) {
                    charge.owner().checkRefundable(charge, amounts[i]);
                }
            }
            long now = now();
            List<RefundRecord> refunds = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                ChargeRecord charge = charges.get(i);
                RefundItem item = items.get(i);
                RefundRecord refund = refundLocked(charge, amounts[i], "charges[" + i + "].amount", item.description(),
                        metadata, item.fundingSource(), now);
                if (charge.owner() != null) {
                    charge.owner().chargeRefunded(charge, refund, now);
                }
                refunds.add(refund);
            }
            return refunds;
        });
    }

    /** Runs {@code action} holding the locks of {@code charges} from {@code from} on: each owner's, then the charge's. */
    private static <T> T withLocks(List<ChargeRecord> charges, int from, Supplier<T> action) {
        if (from == charges.size()) {
            return action.get();
        }
        ChargeRecord charge = charges.get(from);
        ChargeOwner owner = charge.owner();
        synchronized (owner != null ? owner.monitor() : charge) {
            synchronized (charge) {
                return withLocks(charges, from + 1, action);
            }
        }
    }

    /**
     * Reverses (撤销) a charge of a channel of group {@code reversible}: an unpaid charge closes for good; a paid one of
     * group {@code reversible_after_payment} that no order owns is refunded in full ({@code refund.succeeded}), through
     * the same refund as the refund operation. Refused for other paid charges (refund them instead), for a charge
     * reversed already, and for one that is closed.
     */
    public ChargeRecord reverse(String id) {
        ChargeRecord charge = charge(id);
        if (!Channels.inGroup(REVERSIBLE_GROUP, charge.channel())) {
            throw Errors.invalid("charge_id", "Charge " + id + " is on channel " + charge.channel()
                    + ", which cannot be reversed; the channels that can: "
                    + String.join(", ", SpecDocument.channelGroup(REVERSIBLE_GROUP)) + ".");
        }
        ChargeOwner owner = charge.owner();
        synchronized (owner != null ? owner.monitor() : charge) {
            synchronized (charge) {
                if (charge.isPaid() && !charge.isReversed()) {
                    if (owner != null || !Channels.inGroup(REVERSIBLE_AFTER_PAYMENT_GROUP, charge.channel())) {
                        throw Errors.refused("charge_already_paid", null, "Charge " + id + " is paid; "
                                + (owner != null ? "a charge that pays an order or a recharge" : "a charge of " + charge.channel())
                                + " can be reversed only while unpaid. Refund it instead.");
                    }
                    if (charge.refundable() > 0) {
                        refundLocked(charge, null, "amount", "Reversed", null, null, now());
                    }
                }
                charge.markReversed();
                return charge;
            }
        }
    }

    /** Refunds a charge whose locks (its owner's, then its own) the caller holds. */
    RefundRecord refundLocked(ChargeRecord charge, Long amount, String amountParam, String description,
            Map<String, String> metadata, RefundFundingSource fundingSource,
            long now) {
        RefundRecord refund = charge.refund(amount, amountParam, description, metadata, fundingSource, ids.refund(), now,
                ids.digits(28));
        events.record(REFUND_SUCCEEDED, charge.app(), refund.toModel(), true);
        return refund;
    }

    public RefundRecord refund(String chargeId, String refundId) {
        return charge(chargeId).refunds().find(refundId).orElseThrow(() -> Errors.noSuch("refund", refundId));
    }

    public Page<RefundRecord> refunds(String chargeId, int limit, String startingAfter, String endingBefore) {
        return Page.byCursor(charge(chargeId).refunds(), refund -> true, limit, startingAfter, endingBefore, "refund");
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private record OrderNoKey(String app, String family, String orderNo) {
    }
}
