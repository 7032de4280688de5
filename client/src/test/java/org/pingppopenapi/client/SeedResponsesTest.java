package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pingppopenapi.client.SeedJson.Repair;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeList;
import org.pingppopenapi.client.model.DeletedObject;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.EventList;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderList;
import org.pingppopenapi.client.model.OrderRefund;
import org.pingppopenapi.client.model.OrderRefundList;
import org.pingppopenapi.client.model.Recharge;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.RefundList;
import org.pingppopenapi.client.model.RefundMode;
import org.pingppopenapi.client.model.SubApp;
import org.pingppopenapi.client.model.SubAppChannel;
import org.pingppopenapi.client.model.SubAppList;

/**
 * Every response example of the seed documents, verbatim (see {@code seed-responses/README.md}), read as the client
 * reads an answer: into the model the spec gives it, with the values the document shows, quirks included.
 */
class SeedResponsesTest {

    private record Example(String file, String where, Class<?> model) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleReadsAsItsModelAndWritesBackWhatWasRead() {
        return examples().stream().map(example -> dynamicTest(example.file() + " (" + example.where() + ") as "
                + example.model().getSimpleName(),
                () -> {
                    Object model = read(example.file(), example.model());
                    assertThat(model).isNotNull();
                    String written = PingppJson.write(model);
                    assertThat(PingppJson.read(written, example.model())).isEqualTo(model);
                }));
    }

    @Test
    void theExamplesCoverEveryModelAndOnlyOneNeededItsBracketsClosed() {
        assertThat(examples()).hasSize(32).extracting(Example::model).contains(Charge.class, ChargeList.class,
                Recharge.class, SubApp.class, SubAppList.class, SubAppChannel.class, DeletedObject.class, Order.class,
                OrderList.class, Refund.class, RefundList.class, OrderRefund.class, OrderRefundList.class, Event.class,
                EventList.class);
        assertThat(examples().stream().filter(example -> SeedJson.clean(text(example.file())).repairs()
                .contains(Repair.CLOSED_CUT_OFF_BRACKETS)).map(Example::file))
                .containsExactly("002-list-order-charges.json");
    }

    @Test
    void createChargeKeepsTheCredentialAsSent() {
        Charge charge = read("001-create-charge.json", Charge.class);
        assertThat(charge.getAmount()).isEqualTo(100L);
        assertThat(charge.getApp().id()).isEqualTo("app_1Gqj58ynP0mHeX1q");
        assertThat(charge.getApp().isExpanded()).isFalse();
        assertThat(charge.getTimePaid()).isNull();
        assertThat(charge.getTimeExpire()).isEqualTo(1410838127L);
        assertThat(charge.getRefunds().getData()).isEmpty();
        assertThat(charge.getCredential().channels()).containsExactly("upacp");
        assertThat(charge.getCredential().toJson())
                .isEqualTo("{\"object\":\"credential\",\"upacp\":{\"tn\":\"201409161028470000000\",\"mode\":\"01\"}}");
    }

    @Test
    void createRechargeReadsANumericStringTimestampAndEmptyPlaceholders() {
        Recharge recharge = read("003-create-recharge.json", Recharge.class);
        assertThat(recharge.getCreated()).isEqualTo(1496740128L);
        assertThat(recharge.getId()).isEqualTo("2001706060000002372");
        assertThat(recharge.getCharge().getAmount()).isEqualTo(10000L);
        assertThat(recharge.getCharge().getSubject()).isEqualTo("测试订单007测试订单007&");
        assertThat(recharge.getBalanceBonus()).isNotNull();
        assertThat(recharge.getBalanceBonus().getAmount()).isNull();
        assertThat(recharge.getRefunds()).isNotNull();
        assertThat(recharge.getRefunds().getData()).isNullOrEmpty();
        assertThat(recharge.getBalanceTransaction()).isEmpty();
    }

    @Test
    void subAppsReadAnEmptyObjectAsAnEmptyListOfMethods() {
        SubApp subApp = read("002-sub-app-object.json", SubApp.class);
        assertThat(subApp.getAvailableMethods()).isEmpty();
        assertThat(subApp.getUser().id()).isEqualTo("test_user_031");
        assertThat(subApp.getMetadata()).containsEntry("a", "b").containsEntry("c", "d");
        assertThat(read("002-create-sub-app.json", SubApp.class).getLevel()).isEqualTo(2);
        assertThat(read("002-list-sub-apps.json", SubAppList.class).getData()).hasSize(1)
                .first().extracting(SubApp::getDisplayName).isEqualTo("sub_app_name2");
        assertThat(read("002-delete-sub-app.json", DeletedObject.class).getDeleted()).isTrue();
    }

    @Test
    void subAppChannelsReadTheirParameters() {
        SubAppChannel created = read("002-create-sub-app-channel-isv-wap.json", SubAppChannel.class);
        assertThat(created.getChannel()).isEqualTo("isv_wap_cil");
        assertThat(created.getBannedMsg()).isNull();
        assertThat(created.getParams()).containsEntry("fee_rate", 16).containsEntry("mer_id", "288880088880008")
                .containsEntry("support_refund", true);
        SubAppChannel object = read("002-sub-app-channel-object.json", SubAppChannel.class);
        assertThat(object.getParams()).as("a one-object array read as that object")
                .containsEntry("alipay_user_id", "2088011177545623").containsEntry("fee_rate", "1");
        assertThat(object.getBanned()).isFalse();
    }

    @Test
    void anOrderReadsEmptyPlaceholdersAndAnArrayForItsRefunds() {
        Order retrieved = read("002-retrieve-order.json", Order.class);
        assertThat(retrieved.getRefunds()).isNotNull();
        assertThat(retrieved.getRefunds().getData()).isNullOrEmpty();
        assertThat(retrieved.getChargeEssentials().getChannel()).isEqualTo("wx");
        assertThat(retrieved.getChargeEssentials().getCredential().toJson())
                .contains("\"timeStamp\":1472124411", "\"partnerId\":\"1262535901\"");
        Order created = read("002-order-object.json", Order.class);
        assertThat(created.getChargeEssentials()).isNotNull();
        assertThat(created.getMetadata()).isEmpty();
        assertThat(created.getStatus()).isEqualTo(Order.StatusEnum.CREATED);
    }

    @Test
    void theOrderListKeepsTheLastOfTwoUidsAndEveryDigitOfABareId() {
        Order order = read("002-list-orders.json", OrderList.class).getData().get(0);
        assertThat(order.getUid()).isEqualTo("user_001");
        assertThat(order.getReceiptApp()).isEqualTo("receipt_app_id");
        OrderRefund refund = order.getRefunds().getData().get(0);
        assertThat(refund.getId()).isEqualTo("2111608270000005209");
        assertThat(refund.getChargeRefund()).isNull();
    }

    @Test
    void theCutOffListOfOrderChargesReadsItsOnePage() {
        ChargeList charges = read("002-list-order-charges.json", ChargeList.class);
        assertThat(charges.getHasMore()).isTrue();
        assertThat(charges.getData()).hasSize(1);
        assertThat(charges.getData().get(0).getExtra()).containsEntry("buyer_account", "alipay_account");
        assertThat(charges.getData().get(0).getCredential().channels()).isEmpty();
    }

    @Test
    void orderRefundsKeepBareIdsAsStrings() {
        OrderRefund refund = read("002-retrieve-order-refund.json", OrderRefund.class);
        assertThat(refund.getId()).isEqualTo("2111608270000005209");
        assertThat(refund.getRefundMode()).isEqualTo(RefundMode.TO_SOURCE);
        assertThat(read("002-create-order-refund.json", RefundList.class).getData()).singleElement()
                .satisfies(created -> assertThat(created.getAmount()).isEqualTo(800L));
        assertThat(read("002-list-order-refunds.json", OrderRefundList.class).getData()).singleElement()
                .satisfies(listed -> {
                    assertThat(listed.getId()).isEqualTo("re_TmbvDKHiXLCSG0mnj9jnDyjA");
                    assertThat(listed.getObject()).as("a charge refund where the spec says order_refund")
                            .isEqualTo(OrderRefund.ObjectEnum.UNKNOWN_DEFAULT_OPEN_API);
                });
    }

    @Test
    void eventsAreTypedByTheirObject() {
        assertThat(read("002-event-charge-succeeded.json", Event.class).getData().getObject().as(Charge.class))
                .hasValueSatisfying(charge -> assertThat(charge.getTransactionNo()).isEqualTo("1224524301201505066067849274"));
        assertThat(read("002-event-refund-succeeded.json", Event.class).getData().getObject().as(Refund.class))
                .hasValueSatisfying(refund -> assertThat(refund.getStatus()).isEqualTo(Refund.StatusEnum.SUCCEEDED));
        assertThat(read("002-event-order-succeeded.json", Event.class).getData().getObject().as(Order.class))
                .hasValueSatisfying(order -> assertThat(order.getApp()).isEqualTo("app_rzj58S80W9GCCiX9"));
        assertThat(read("002-webhook-event-object.json", Event.class).getRequest()).isEqualTo("iar_jf1iT0fT0a00v1u5qDvb1u00");
    }

    @Test
    void theOrderRefundEventReadsDespiteItsCommentsAndBareId() {
        Event event = read("002-event-order-refund-succeeded.json", Event.class);
        assertThat(event.getType()).isEqualTo("order_refund.succeeded");
        OrderRefund refund = event.getData().getObject().as(OrderRefund.class).orElseThrow();
        assertThat(refund.getId()).isEqualTo("2111608270000005209");
        assertThat(refund.getStatus()).isEqualTo(OrderRefund.StatusEnum.SUCCEEDED);
        assertThat(refund.getExtra()).containsEntry("channel_transaction", "25134179971810968744")
                .containsEntry("failure_code", null);
    }

    @Test
    void phpEmptyArraysReadAsEmptyObjects() {
        Charge charge = read("002-retrieve-event.json", Event.class).getData().getObject().as(Charge.class).orElseThrow();
        assertThat(charge.getExtra()).isEmpty();
        assertThat(charge.getMetadata()).isEmpty();
        assertThat(charge.getCredential().channels()).isEmpty();
        assertThat(read("002-list-events.json", EventList.class).getData()).singleElement()
                .satisfies(event -> assertThat(event.getData().getObject().type()).isEqualTo("charge"));
    }

    static <T> T read(String file, Class<T> model) {
        SeedJson.Cleaned cleaned = SeedJson.clean(text(file));
        try {
            return PingppJson.read(cleaned.json(), model);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(file + " does not read as " + model.getSimpleName() + " after " + cleaned.repairs()
                    + ": " + e.getMessage(), e);
        }
    }

    private static String text(String file) {
        try (InputStream in = SeedResponsesTest.class.getResourceAsStream("/seed-responses/" + file)) {
            if (in == null) {
                throw new IllegalStateException("No seed example " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model of a schema, as the spec names it. */
    private static Class<?> model(String schema) {
        try {
            return Class.forName(Charge.class.getPackageName() + "." + schema);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("No model for the schema " + schema, e);
        }
    }

    private static List<Example> examples() {
        return text("index.tsv").lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t"))
                .map(fields -> new Example(fields[0], fields[2], model(fields[3])))
                .toList();
    }
}
