package org.pingppopenapi.client.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.build.ClientLayout.Method;
import org.pingppopenapi.client.build.ClientLayout.Paging;
import org.pingppopenapi.client.build.ClientLayout.Service;

/**
 * The naming rule on the shapes of the whole Ping++ API, as the operations still to be added to the spec have them
 * (whole-api-inventory.md): resources nested under others, scoped by app and by user, actions, a {@code PUT} that
 * cancels, and a collection that is no action.
 */
class ClientLayoutTest {

    private static String operation(String method, String id, String body, String answer, String... query) {
        List<String> lines = new ArrayList<>(List.of("    " + method + ":", "      operationId: " + id));
        if (query.length > 0) {
            lines.add("      parameters:");
            for (String name : query) {
                lines.add("        - {name: " + name + ", in: query, schema: {type: integer}}");
            }
        }
        if (body != null) {
            lines.addAll(List.of("      requestBody:", "        required: true", "        content:",
                    "          application/json:", "            schema: {$ref: '#/components/schemas/" + body + "'}"));
        }
        lines.addAll(List.of("      responses:", "        '200':", "          description: ok", "          content:",
                "            application/json:", "              schema: {$ref: '#/components/schemas/" + answer + "'}"));
        return String.join("\n", lines) + "\n";
    }

    private static String path(String path, String... operations) {
        StringBuilder text = new StringBuilder("  " + path + ":\n    parameters:\n");
        for (String segment : path.split("/")) {
            if (segment.startsWith("{")) {
                text.append("      - {name: ").append(segment, 1, segment.length() - 1)
                        .append(", in: path, required: true, schema: {type: string}}\n");
            }
        }
        for (String operation : operations) {
            text.append(operation);
        }
        return text.toString();
    }

    private static ClientLayout layout(String... paths) {
        String spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n" + String.join("", paths) + """
                components:
                  schemas:
                    Thing: {type: object, properties: {id: {type: string}}}
                    Body: {type: object, properties: {name: {type: string}}}
                    ThingList:
                      type: object
                      properties:
                        has_more: {type: boolean}
                        data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                """;
        ApiDescription api = ApiDescription.read(spec);
        return new ClientLayout(api, new Models(api));
    }

    private static String call(ClientLayout layout, String operationId) {
        for (Service service : layout.services()) {
            for (Method method : service.methods) {
                if (method.operation().id().equals(operationId)) {
                    List<String> arguments = new ArrayList<>();
                    method.pathArguments().forEach(argument -> arguments.add(argument.javaName()));
                    if (method.params() != null) {
                        arguments.add(method.params().simpleName());
                    }
                    if (method.bodyClass() != null) {
                        arguments.add("request");
                    }
                    return service.chain() + "." + method.name() + "(" + String.join(", ", arguments) + ")"
                            + (method.appScoped() ? " in the app" : "") + (method.paging() != Paging.NONE
                            ? " -> Page of " + method.paging() : "");
                }
            }
        }
        throw new AssertionError(operationId + " has no method");
    }

    @Test
    void theRuleNamesEveryShapeOfTheApi() {
        ClientLayout layout = layout(
                path("/v1/apps/{app_id}/users/{user_id}/coupons",
                        operation("post", "createUserCoupon", "Body", "Thing"),
                        operation("get", "listUserCoupons", null, "ThingList", "page", "per_page")),
                path("/v1/apps/{app_id}/users/{user_id}/coupons/{coupon_id}",
                        operation("delete", "deleteUserCoupon", null, "Thing")),
                path("/v1/charges/{charge_id}/reverse", operation("post", "reverseCharge", null, "Thing")),
                path("/v1/orders/{order_id}/royalty_datas", operation("post", "createRoyaltyData", "Body", "Thing")),
                path("/v1/transfers/{transfer_id}", operation("put", "cancelTransfer", "Body", "Thing")),
                path("/v1/transfers", operation("get", "listTransfers", null, "ThingList", "limit", "starting_after")),
                path("/v1/apps/{app_id}/withdrawals/{withdrawal_id}",
                        operation("put", "updateWithdrawal", "Body", "Thing")),
                path("/v1/card_info", operation("post", "queryCardInfo", "Body", "Thing")),
                path("/v1/agreements/{agreement_id}/notify", operation("post", "notifyAgreement", "Body", "Thing")));

        assertThat(call(layout, "createUserCoupon")).isEqualTo("users().coupons().create(userId, request) in the app");
        assertThat(call(layout, "listUserCoupons"))
                .isEqualTo("users().coupons().list(userId, ListUserCouponsParams) in the app -> Page of PAGE");
        assertThat(call(layout, "deleteUserCoupon")).isEqualTo("users().coupons().delete(userId, couponId) in the app");
        assertThat(call(layout, "reverseCharge")).isEqualTo("charges().reverse(chargeId)");
        assertThat(call(layout, "createRoyaltyData")).isEqualTo("orders().royaltyDatas().create(orderId, request)");
        assertThat(call(layout, "cancelTransfer")).isEqualTo("transfers().cancel(transferId, request)");
        assertThat(call(layout, "listTransfers")).isEqualTo("transfers().list(ListTransfersParams) -> Page of CURSOR");
        assertThat(call(layout, "updateWithdrawal")).isEqualTo("withdrawals().update(withdrawalId, request) in the app");
        assertThat(call(layout, "queryCardInfo")).isEqualTo("cardInfo().query(request)");
        assertThat(call(layout, "notifyAgreement")).isEqualTo("agreements().notify(agreementId, request)");
        assertThat(layout.roots()).extracting(Service::interfaceName).containsExactly("UsersService", "ChargesService",
                "OrdersService", "TransfersService", "WithdrawalsService", "CardInfoService", "AgreementsService");
    }

    @Test
    void twoOperationsThatWouldGetOneMethodStopTheBuild() {
        assertThatThrownBy(() -> layout(
                path("/v1/transfers/{transfer_id}", operation("put", "cancelTransfer", "Body", "Thing")),
                path("/v1/transfers/{transfer_id}/cancel", operation("post", "cancelTransferNow", "Body", "Thing"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cancelTransferNow")
                .hasMessageContaining("the same method as cancelTransfer");
    }

    @Test
    void anOperationIdThatIsNoVerbStopsTheBuild() {
        assertThatThrownBy(() -> layout(path("/v1/things", operation("post", "ThingCreate", "Body", "Thing"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ThingCreate");
        assertThatThrownBy(() -> layout(path("/v1/things", operation("post", "newThing", "Body", "Thing"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'new' is not a Java identifier");
    }
}
