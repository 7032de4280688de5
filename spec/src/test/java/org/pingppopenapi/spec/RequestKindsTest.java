package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The naming rule of request kinds ({@code info.description}, "Request kinds"), on the shipped spec and on small fixtures. */
class RequestKindsTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theRuleNamesAKindAfterTheVerbAndNounOfItsOperation() {
        Map<String, String> names = Map.of(
                "createCharge", "charge",
                "createChargeRefund", "charge-refund",
                "payOrder", "order-pay",
                "updateSubAppChannel", "sub-app-channel-update",
                "cancelTransfer", "transfer-cancel",
                "createBatchTransfer", "batch-transfer",
                "verifySettleAccount", "settle-account-verify",
                "createIDCard", "id-card",
                "createV2Thing", "v2-thing");
        names.forEach((operationId, name) -> assertThat(RequestKinds.derivedName(operationId)).as(operationId).isEqualTo(name));
        for (String notVerbNoun : new String[] {"pay", "Charge", "create_charge", "createcharge", ""}) {
            assertThatThrownBy(() -> RequestKinds.derivedName(notVerbNoun)).as(notVerbNoun).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theShippedSpecHasTheElevenKindsOfTheSeedOperationsAtLeast() throws IOException {
        JsonNode spec;
        try (InputStream in = PingppSpec.open()) {
            spec = YAML.readTree(in);
        }
        assertThat(RequestKinds.of(spec)).contains(
                new RequestKinds.Kind("charge", "ChargeCreateRequest", "createCharge"),
                new RequestKinds.Kind("charge-refund", "RefundCreateRequest", "createChargeRefund"),
                new RequestKinds.Kind("recharge", "RechargeCreateRequest", "createRecharge"),
                new RequestKinds.Kind("order", "OrderCreateRequest", "createOrder"),
                new RequestKinds.Kind("order-pay", "OrderPayRequest", "payOrder"),
                new RequestKinds.Kind("order-cancel", "OrderCancelRequest", "cancelOrder"),
                new RequestKinds.Kind("order-refund", "OrderRefundCreateRequest", "createOrderRefund"),
                new RequestKinds.Kind("sub-app", "SubAppCreateRequest", "createSubApp"),
                new RequestKinds.Kind("sub-app-update", "SubAppUpdateRequest", "updateSubApp"),
                new RequestKinds.Kind("sub-app-channel", "SubAppChannelCreateRequest", "createSubAppChannel"),
                new RequestKinds.Kind("sub-app-channel-update", "SubAppChannelUpdateRequest", "updateSubAppChannel"));
    }

    @Test
    void theFirstOperationTakingASchemaNamesItAndOnlyJsonBodiesCount() {
        JsonNode spec = spec("""
                paths:
                  /v1/widgets:
                    post: {operationId: createWidget, requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/WidgetRequest'}}}}}
                  /v1/widgets/{id}:
                    put: {operationId: updateWidget, requestBody: {content: {application/json; charset=utf-8: {schema: {$ref: '#/components/schemas/WidgetRequest'}}}}}
                    post: {operationId: paintWidget, requestBody: {$ref: '#/components/requestBodies/Paint'}}
                  /v1/uploads:
                    post: {operationId: createUpload, requestBody: {content: {multipart/form-data: {schema: {type: object}}}}}
                components:
                  requestBodies:
                    Paint: {content: {application/merge-patch+json: {schema: {$ref: '#/components/schemas/PaintRequest'}}}}
                  schemas:
                    WidgetRequest: {type: object}
                    PaintRequest: {type: object, x-pingpp-request-kind: paint}
                """);
        assertThat(RequestKinds.of(spec)).containsExactly(
                new RequestKinds.Kind("widget", "WidgetRequest", "createWidget"),
                new RequestKinds.Kind("paint", "PaintRequest", "paintWidget"));
    }

    @Test
    void whatTheRuleCannotNameIsAnErrorThatSaysWhatToDo() {
        refused("""
                paths:
                  /v1/a: {post: {operationId: createWidget, requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}}
                  /v1/b: {post: {operationId: createWidget2, requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}}}}
                  /v1/c: {put: {operationId: renameWidget, requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/C'}}}}}}
                components: {schemas: {A: {type: object}, B: {type: object, x-pingpp-request-kind: widget}, C: {type: object}}}
                """, "A (of createWidget) and B (of createWidget2) are both named request kind 'widget'", "x-pingpp-request-kind");
        refused("""
                paths:
                  /v1/a: {post: {operationId: createWidget, requestBody: {content: {application/json: {schema: {type: object}}}}}}
                """, "POST /v1/a takes an inline schema", "components.schemas");
        refused("""
                paths:
                  /v1/a: {post: {operationId: widget, requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}}
                components: {schemas: {A: {type: object}}}
                """, "'widget' is not a verb followed by a noun", "x-pingpp-request-kind on A");
        refused("""
                paths:
                  /v1/a: {post: {requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}}
                components: {schemas: {A: {type: object}}}
                """, "no operationId");
        refused("""
                paths:
                  /v1/a: {post: {operationId: createA, requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}}
                components: {schemas: {A: {type: object, x-pingpp-request-kind: Order_Pay}}}
                """, "'Order_Pay' of schema A is not lower-case words");
        refused("""
                paths: {}
                components: {schemas: {A: {type: object, x-pingpp-request-kind: a}}}
                """, "Schema A has x-pingpp-request-kind", "no operation takes it");
        refused("""
                paths:
                  /v1/a: {post: {operationId: createA, requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}}}
                components: {schemas: {}}
                """, "Missing, which components.schemas does not define");
    }

    private static void refused(String yaml, String... mentioned) {
        assertThatThrownBy(() -> RequestKinds.of(spec(yaml))).isInstanceOf(IllegalArgumentException.class).message().contains(mentioned);
    }

    private static JsonNode spec(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
