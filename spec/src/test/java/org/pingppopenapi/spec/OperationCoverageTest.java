package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.spec.OperationInventory.Entry;

/** The spec describes exactly the Ping++ operations this project supports; the table below is their inventory. */
@DisplayName("The shipped spec covers exactly the documented operations")
class OperationCoverageTest {

    static final List<Entry> PINGPP_OPERATIONS = List.of(
            new Entry("POST", "/v1/charges", "createCharge"),
            new Entry("GET", "/v1/charges", "listCharges"),
            new Entry("GET", "/v1/charges/{charge_id}", "retrieveCharge"),
            new Entry("POST", "/v1/charges/{charge_id}/refunds", "createChargeRefund"),
            new Entry("GET", "/v1/charges/{charge_id}/refunds", "listChargeRefunds"),
            new Entry("GET", "/v1/charges/{charge_id}/refunds/{refund_id}", "retrieveChargeRefund"),
            new Entry("POST", "/v1/charges/{charge_id}/reverse", "reverseCharge"),

            new Entry("POST", "/v1/batch_refunds", "createBatchRefund"),
            new Entry("GET", "/v1/batch_refunds", "listBatchRefunds"),
            new Entry("GET", "/v1/batch_refunds/{batch_refund_id}", "retrieveBatchRefund"),

            new Entry("POST", "/v1/customs", "createCustoms"),
            new Entry("GET", "/v1/customs", "listCustoms"),
            new Entry("GET", "/v1/customs/{customs_id}", "retrieveCustoms"),

            new Entry("POST", "/v1/identification", "createIdentification"),
            new Entry("POST", "/v1/card_info", "queryCardInfo"),
            new Entry("GET", "/v1/sub_banks", "listSubBanks"),

            new Entry("POST", "/v1/agreements", "createAgreement"),
            new Entry("GET", "/v1/agreements", "listAgreements"),
            new Entry("GET", "/v1/agreements/{agreement_id}", "retrieveAgreement"),
            new Entry("PUT", "/v1/agreements/{agreement_id}", "cancelAgreement"),
            new Entry("POST", "/v1/agreements/{agreement_id}/notify", "notifyAgreement"),

            new Entry("POST", "/v1/apps/{app_id}/recharges", "createRecharge"),
            new Entry("GET", "/v1/apps/{app_id}/recharges", "listRecharges"),
            new Entry("GET", "/v1/apps/{app_id}/recharges/{recharge_id}", "retrieveRecharge"),

            new Entry("POST", "/v1/apps/{app_id}/sub_apps", "createSubApp"),
            new Entry("GET", "/v1/apps/{app_id}/sub_apps", "listSubApps"),
            new Entry("GET", "/v1/apps/{app_id}/sub_apps/{sub_app_id}", "retrieveSubApp"),
            new Entry("PUT", "/v1/apps/{app_id}/sub_apps/{sub_app_id}", "updateSubApp"),
            new Entry("DELETE", "/v1/apps/{app_id}/sub_apps/{sub_app_id}", "deleteSubApp"),

            new Entry("POST", "/v1/apps/{app_id}/sub_apps/{sub_app_id}/channels", "createSubAppChannel"),
            new Entry("GET", "/v1/apps/{app_id}/sub_apps/{sub_app_id}/channels/{channel}", "retrieveSubAppChannel"),
            new Entry("PUT", "/v1/apps/{app_id}/sub_apps/{sub_app_id}/channels/{channel}", "updateSubAppChannel"),
            new Entry("DELETE", "/v1/apps/{app_id}/sub_apps/{sub_app_id}/channels/{channel}", "deleteSubAppChannel"),

            new Entry("POST", "/v1/orders", "createOrder"),
            new Entry("GET", "/v1/orders", "listOrders"),
            new Entry("GET", "/v1/orders/{order_id}", "retrieveOrder"),
            new Entry("PUT", "/v1/orders/{order_id}", "cancelOrder"),
            new Entry("POST", "/v1/orders/{order_id}/pay", "payOrder"),
            new Entry("GET", "/v1/orders/{order_id}/charges", "listOrderCharges"),
            new Entry("GET", "/v1/orders/{order_id}/charges/{charge_id}", "retrieveOrderCharge"),
            new Entry("POST", "/v1/orders/{order_id}/order_refunds", "createOrderRefund"),
            new Entry("GET", "/v1/orders/{order_id}/order_refunds", "listOrderRefunds"),
            new Entry("GET", "/v1/orders/{order_id}/order_refunds/{refund_id}", "retrieveOrderRefund"),

            new Entry("GET", "/v1/events", "listEvents"),
            new Entry("GET", "/v1/events/{event_id}", "retrieveEvent"));

    @Test
    void inventoryListsDistinctOperations() {
        assertThat(PINGPP_OPERATIONS).hasSize(45).doesNotHaveDuplicates();
        assertThat(PINGPP_OPERATIONS).extracting(Entry::operationId).doesNotHaveDuplicates();
    }

    @Test
    void specDeclaresExactlyTheInventory() {
        SpecDocument spec = SpecDocument.shipped();
        OperationInventory.Difference difference = OperationInventory.compare(PINGPP_OPERATIONS, OperationInventory.declaredIn(spec));

        assertSoftly(softly -> {
            softly.assertThat(difference.missing()).as("in the inventory but not in %s", spec.name()).isEmpty();
            softly.assertThat(difference.unexpected()).as("in %s but not in the inventory", spec.name()).isEmpty();
        });
    }

    @Nested
    @DisplayName("The comparison is proven on a fixture")
    class ComparisonIsProven {

        private final List<Entry> declared = OperationInventory.declaredIn(SpecDocument.fixture("compliant.yaml"));

        @Test
        void reportsNothingWhenTheSpecMatches() {
            List<Entry> inventory = List.of(
                    new Entry("POST", "/v1/charges", "createCharge"),
                    new Entry("GET", "/v1/charges/{charge_id}", "retrieveCharge"));

            assertThat(OperationInventory.compare(inventory, declared).isEmpty()).isTrue();
        }

        @Test
        void namesMissingRenamedAndUnlistedOperations() {
            List<Entry> inventory = List.of(
                    new Entry("GET", "/v1/charges/{charge_id}", "getCharge"),
                    new Entry("GET", "/v1/events", "listEvents"));

            OperationInventory.Difference difference = OperationInventory.compare(inventory, declared);

            assertThat(difference.missing()).containsExactly(
                    new Entry("GET", "/v1/charges/{charge_id}", "getCharge"),
                    new Entry("GET", "/v1/events", "listEvents"));
            assertThat(difference.unexpected()).containsExactly(
                    new Entry("POST", "/v1/charges", "createCharge"),
                    new Entry("GET", "/v1/charges/{charge_id}", "retrieveCharge"));
            assertThat(difference).hasToString("missing from the spec: [GET /v1/charges/{charge_id} getCharge, GET /v1/events listEvents]; "
                    + "not in the inventory: [POST /v1/charges createCharge, GET /v1/charges/{charge_id} retrieveCharge]");
        }
    }
}
