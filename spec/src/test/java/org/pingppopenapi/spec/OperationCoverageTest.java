package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.spec.OperationInventory.Entry;

/**
 * The spec keeps describing the operations of the seed documents, the 30 this project started from: they are a floor,
 * not the inventory. The spec is the inventory; what it adds beyond the floor is every other test's business.
 */
@DisplayName("The shipped spec covers the documented seed operations")
class OperationCoverageTest {

    static final List<Entry> SEED_OPERATIONS = List.of(
            new Entry("POST", "/v1/charges", "createCharge"),
            new Entry("GET", "/v1/charges", "listCharges"),
            new Entry("GET", "/v1/charges/{charge_id}", "retrieveCharge"),
            new Entry("POST", "/v1/charges/{charge_id}/refunds", "createChargeRefund"),
            new Entry("GET", "/v1/charges/{charge_id}/refunds", "listChargeRefunds"),
            new Entry("GET", "/v1/charges/{charge_id}/refunds/{refund_id}", "retrieveChargeRefund"),

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
    void theFloorListsThirtyDistinctOperations() {
        assertThat(SEED_OPERATIONS).hasSize(30).doesNotHaveDuplicates();
        assertThat(SEED_OPERATIONS).extracting(Entry::operationId).doesNotHaveDuplicates();
    }

    @Test
    void specDeclaresEverySeedOperation() {
        SpecDocument spec = SpecDocument.shipped();
        List<Entry> declared = OperationInventory.declaredIn(spec);
        OperationInventory.Difference difference = OperationInventory.compare(SEED_OPERATIONS, declared);

        assertThat(difference.missing()).as("seed operations missing from %s (or declared under another operationId)", spec.name()).isEmpty();
        assertThat(declared).as("operations of %s", spec.name()).doesNotHaveDuplicates()
                .extracting(Entry::operationId).doesNotHaveDuplicates();
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
