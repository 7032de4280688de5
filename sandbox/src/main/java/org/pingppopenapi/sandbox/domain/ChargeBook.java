package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
                && (reversed == null || !reversed)
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
