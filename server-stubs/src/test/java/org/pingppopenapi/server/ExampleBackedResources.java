package org.pingppopenapi.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pingppopenapi.server.api.ChargesApi;
import org.pingppopenapi.server.api.EventsApi;
import org.pingppopenapi.server.api.OrderChargesApi;
import org.pingppopenapi.server.api.OrderRefundsApi;
import org.pingppopenapi.server.api.OrdersApi;
import org.pingppopenapi.server.api.RechargesApi;
import org.pingppopenapi.server.api.RefundsApi;
import org.pingppopenapi.server.api.SubAppChannelsApi;
import org.pingppopenapi.server.api.SubAppsApi;
import org.pingppopenapi.server.model.Charge;
import org.pingppopenapi.server.model.ChargeCreateRequest;
import org.pingppopenapi.server.model.ChargeList;
import org.pingppopenapi.server.model.DeletedChannel;
import org.pingppopenapi.server.model.DeletedObject;
import org.pingppopenapi.server.model.Event;
import org.pingppopenapi.server.model.EventList;
import org.pingppopenapi.server.model.Order;
import org.pingppopenapi.server.model.OrderCancelRequest;
import org.pingppopenapi.server.model.OrderCreateRequest;
import org.pingppopenapi.server.model.OrderList;
import org.pingppopenapi.server.model.OrderPayRequest;
import org.pingppopenapi.server.model.OrderRefundCreateRequest;
import org.pingppopenapi.server.model.Recharge;
import org.pingppopenapi.server.model.RechargeCreateRequest;
import org.pingppopenapi.server.model.RechargeList;
import org.pingppopenapi.server.model.Refund;
import org.pingppopenapi.server.model.RefundCreateRequest;
import org.pingppopenapi.server.model.RefundList;
import org.pingppopenapi.server.model.SubApp;
import org.pingppopenapi.server.model.SubAppChannel;
import org.pingppopenapi.server.model.SubAppChannelCreateRequest;
import org.pingppopenapi.server.model.SubAppChannelUpdateRequest;
import org.pingppopenapi.server.model.SubAppCreateRequest;
import org.pingppopenapi.server.model.SubAppList;
import org.pingppopenapi.server.model.SubAppUpdateRequest;

/**
 * A test implementation of every generated interface: each operation answers the first 200 example of the spec
 * and records the arguments it was called with, so a test can check what reached the server.
 */
final class ExampleBackedResources {

    private final Map<String, List<Object>> invocations = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = PingppJson.newObjectMapper();
    private final SpecExamples spec = SpecExamples.get();

    /** One instance of each implementation, to register with the application. */
    List<Object> all() {
        return List.of(new Charges(this), new Refunds(this), new Recharges(this), new SubApps(this),
                new SubAppChannels(this), new Orders(this), new OrderCharges(this), new OrderRefunds(this), new Events(this));
    }

    /** The arguments of the last call of the operation, or null when it was not called. */
    List<Object> lastArguments(String operationId) {
        return invocations.get(operationId);
    }

    /** How often the operation was called. */
    int callCount(String operationId) {
        java.util.concurrent.atomic.AtomicInteger count = calls.get(operationId);
        return count == null ? 0 : count.get();
    }

    /** The request body the operation last received, as JSON. */
    String lastBodyAsJson(String operationId, int argumentIndex) throws JsonProcessingException {
        return mapper.writeValueAsString(lastArguments(operationId).get(argumentIndex));
    }

    private <T> T answer(String operationId, Class<T> type, Object... arguments) {
        invocations.put(operationId, Arrays.asList(arguments));
        calls.computeIfAbsent(operationId, id -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        return mapper.convertValue(spec.responseExample(operationId), type);
    }

    /** What every implementation shares: the recorder and the examples. */
    abstract static class Resource {

        private final ExampleBackedResources owner;

        Resource(ExampleBackedResources owner) {
            this.owner = owner;
        }

        <T> T answer(String operationId, Class<T> type, Object... arguments) {
            return owner.answer(operationId, type, arguments);
        }
    }

    public static final class Charges extends Resource implements ChargesApi {
        Charges(ExampleBackedResources owner) {
            super(owner);
        }

        @Override
        public Charge createCharge(ChargeCreateRequest request) {
            return answer("createCharge", Charge.class, request);
        }

        @Override
        public ChargeList listCharges(String appId, String channel, Boolean paid, Boolean refunded, Boolean reversed,
                Integer limit, String startingAfter, String endingBefore, Long createdGt, Long createdGte, Long createdLt,
                Long createdLte, java.util.Set<String> expand) {
            return answer("listCharges", ChargeList.class, appId, channel, paid, refunded, reversed, limit, startingAfter,
                    endingBefore, createdGt, createdGte, createdLt, createdLte, expand);
        }

        @Override
        public Charge retrieveCharge(String chargeId, java.util.Set<String> expand) {
            return answer("retrieveCharge", Charge.class, chargeId, expand);
        }
    }

    public static final class Refunds extends Resource implements RefundsApi {
        Refunds(ExampleBackedResources owner) {
            super(owner);
        }

        @Override
        public Refund createChargeRefund(String chargeId, RefundCreateRequest request) {
            return answer("createChargeRefund", Refund.class, chargeId, request);
        }

        @Override
        public RefundList listChargeRefunds(String chargeId, Integer limit, String startingAfter, String endingBefore) {
            return answer("listChargeRefunds", RefundList.class, chargeId, limit, startingAfter, endingBefore);
        }

        @Override
        public Refund retrieveChargeRefund(String chargeId, String refundId) {
            return answer("retrieveChargeRefund", Refund.class, chargeId, refundId);
        }
    }

    public static final class Recharges extends Resource implements RechargesApi {
        Recharges(ExampleBackedResources owner) {
            super(owner);
        }

        @Override
        public Recharge createRecharge(String appId, RechargeCreateRequest request) {
            return answer("createRecharge", Recharge.class, appId, request);
        }

        @Override
        public RechargeList listRecharges(String appId, String user, Boolean succeeded, Boolean refunded, Integer page,
                Integer perPage, Long createdGt, Long createdGte, Long createdLt, Long createdLte) {
            return answer("listRecharges", RechargeList.class, appId, user, succeeded, refunded, page, perPage,
                    createdGt, createdGte, createdLt, createdLte);
        }

        @Override
        public Recharge retrieveRecharge(String appId, String rechargeId) {
            return answer("retrieveRecharge", Recharge.class, appId, rechargeId);
        }
    }

    public static final class SubApps extends Resource implements SubAppsApi {
        SubApps(ExampleBackedResources owner) {
            super(owner);
        }

        @Override
        public SubApp createSubApp(String appId, SubAppCreateRequest request) {
            return answer("createSubApp", SubApp.class, appId, request);
        }

        @Override
        public DeletedObject deleteSubApp(String appId, String subAppId) {
            return answer("deleteSubApp", DeletedObject.class, appId, subAppId);
        }

        @Override
        public SubAppList listSubApps(String appId, Integer level, String parentApp, Integer page, Integer perPage,
                Long createdGt, Long createdGte, Long createdLt, Long createdLte) {
            return answer("listSubApps", SubAppList.class, appId, level, parentApp, page, perPage, createdGt, createdGte,
                    createdLt, createdLte);
        }

        @Override
        public SubApp retrieveSubApp(String appId, String subAppId) {
            return answer("retrieveSubApp", SubApp.class, appId, subAppId);
        }

        @Override
        public SubApp updateSubApp(String appId, String subAppId, SubAppUpdateRequest request) {
            return answer("updateSubApp", SubApp.class, appId, subAppId, request);
        }
    }

    public static final class SubAppChannels extends Resource implements SubAppChannelsApi {
        SubAppChannels(ExampleBackedResources owner) {
            super(owner);
        }

        @Override
        public SubAppChannel createSubAppChannel(String appId, String subAppId, SubAppChannelCreateRequest request) {
            return answer("createSubAppChannel", SubAppChannel.class, appId, subAppId, request);
        }

        @Override
        public DeletedChannel deleteSubAppChannel(String appId, String subAppId, String channel) {
            return answer("deleteSubAppChannel", DeletedChannel.class, appId, subAppId, channel);
        }

        @Override
        public SubAppChannel retrieveSubAppChannel(String appId, String subAppId, String channel) {
            return answer("retrieveSubAppChannel", SubAppChannel.class, appId, subAppId, channel);
        }

        @Override
        public SubAppChannel updateSubAppChannel(String appId, String subAppId, String channel,
                SubAppChannelUpdateRequest request) {
            return answer("updateSubAppChannel", SubAppChannel.class, appId, subAppId, channel, request);
        }
    }

    public static final class Orders extends Resource implements OrdersApi {
        Orders(ExampleBackedResources owner) {
            super(owner);
        }

        @Override
        public Order cancelOrder(String orderId, OrderCancelRequest request) {
            return answer("cancelOrder", Order.class, orderId, request);
        }

        @Override
        public Order createOrder(OrderCreateRequest request) {
            return answer("createOrder", Order.class, request);
        }

        @Override
        public OrderList listOrders(String app, String uid, String receiptApp, String serviceApp, Boolean paid,
                Boolean refunded, Integer canceled, String type, Integer page, Integer perPage, Long createdGt,
                Long createdGte, Long createdLt, Long createdLte) {
            return answer("listOrders", OrderList.class, app, uid, receiptApp, serviceApp, paid, refunded, canceled, type,
                    page, perPage, createdGt, createdGte, createdLt, createdLte);
        }

        @Override
        public Order payOrder(String orderId, OrderPayRequest request) {
            return answer("payOrder", Order.class, orderId, request);
        }

        @Override
        public Order retrieveOrder(String orderId) {
            return answer("retrieveOrder", Order.class, orderId);
        }
    }

    public static final class OrderCharges extends Resource implements OrderChargesApi {
        OrderCharges(ExampleBackedResources owner) {
            super(owner);
        }

        @Override
        public ChargeList listOrderCharges(String orderId, String channel, Boolean paid, Boolean refunded, Integer page,
                Integer perPage) {
            return answer("listOrderCharges", ChargeList.class, orderId, channel, paid, refunded, page, perPage);
        }

        @Override
        public Charge retrieveOrderCharge(String orderId, String chargeId) {
            return answer("retrieveOrderCharge", Charge.class, orderId, chargeId);
        }
    }

    public static final class OrderRefunds extends Resource implements OrderRefundsApi {
        OrderRefunds(ExampleBackedResources owner) {
            super(owner);
        }

        @Override
        public RefundList createOrderRefund(String orderId, OrderRefundCreateRequest request) {
            return answer("createOrderRefund", RefundList.class, orderId, request);
        }

        @Override
        public RefundList listOrderRefunds(String orderId, String status, Integer page, Integer perPage,
                Long createdGt, Long createdGte, Long createdLt, Long createdLte) {
            return answer("listOrderRefunds", RefundList.class, orderId, status, page, perPage, createdGt,
                    createdGte, createdLt, createdLte);
        }

        @Override
        public Refund retrieveOrderRefund(String orderId, String refundId) {
            return answer("retrieveOrderRefund", Refund.class, orderId, refundId);
        }
    }

    public static final class Events extends Resource implements EventsApi {
        Events(ExampleBackedResources owner) {
            super(owner);
        }

        @Override
        public EventList listEvents(Integer limit, String startingAfter, String endingBefore, String type,
                Long createdGt, Long createdGte, Long createdLt, Long createdLte) {
            return answer("listEvents", EventList.class, limit, startingAfter, endingBefore, type, createdGt, createdGte,
                    createdLt, createdLte);
        }

        @Override
        public Event retrieveEvent(String eventId) {
            return answer("retrieveEvent", Event.class, eventId);
        }
    }
}
