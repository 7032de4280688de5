package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The form encoding of the documents' curl examples becomes the JSON an SDK sends: bracket keys nest, values take
 * the types of the operation's schema, and inside {@code extra} the types of the channel's rules.
 */
class FormEncodingTest {

    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
        http = new SandboxHttp(sandbox.baseUri(), Fixtures.newKey());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aFormAndItsJsonMakeTheSameCharge() {
        String orderNo = Fixtures.orderNo();
        JsonNode fromForm = SandboxHttp.ok(http.postForm("/v1/charges", "order_no=" + orderNo + "&amount=1"
                + "&app[id]=app_1Gqj58ynP0mHeX1q&channel=isv_scan&currency=cny&client_ip=127.0.0.1"
                + "&subject=%E6%B5%8B%E8%AF%95%E8%AE%A2%E5%8D%95007&body=body&time_expire=" + (System.currentTimeMillis() / 1000 + 600)
                + "&extra[scan_code]=286801346868493272&extra[terminal_id]=00000001"
                + "&extra[goods_list][0][goods_id]=iphone6s16G&extra[goods_list][0][goods_name]=iPhone6s+16G"
                + "&extra[goods_list][0][goods_num]=1&extra[goods_list][0][price]=528800"
                + "&extra[goods_list][1][goods_id]=1002&extra[goods_list][1][goods_name]=case&extra[goods_list][1][goods_num]=2"
                + "&extra[goods_list][1][price]=100&metadata[color]=red&metadata[0]=zero"));
        JsonNode fromJson = SandboxHttp.ok(http.postJson("/v1/charges", """
                {"order_no": "%s", "amount": 1, "app": {"id": "app_1Gqj58ynP0mHeX1q"}, "channel": "isv_scan",
                 "currency": "cny", "client_ip": "127.0.0.1", "subject": "测试订单007", "body": "body",
                 "extra": {"scan_code": "286801346868493272", "terminal_id": "00000001",
                   "goods_list": [{"goods_id": "iphone6s16G", "goods_name": "iPhone6s 16G", "goods_num": 1, "price": 528800},
                                  {"goods_id": "1002", "goods_name": "case", "goods_num": 2, "price": 100}]},
                 "metadata": {"color": "red", "0": "zero"}}
                """.formatted(Fixtures.orderNo())));

        for (String field : List.of("amount", "channel", "subject", "extra", "metadata")) {
            assertThat(fromForm.get(field)).as(field).isEqualTo(fromJson.get(field));
        }
        assertThat(fromForm.at("/extra/goods_list/0/price").isIntegralNumber()).isTrue();
        assertThat(fromForm.at("/extra/terminal_id").asText()).as("a string with leading zeros stays one").isEqualTo("00000001");
        assertThat(fromForm.at("/metadata/0").asText()).isEqualTo("zero");
    }

    @Test
    void numbersInExtraTakeTheTypesOfTheChannelRules() {
        JsonNode charge = SandboxHttp.ok(http.postForm("/v1/charges", "order_no=" + Fixtures.orderNo()
                + "&amount=100&app[id]=app_1Gqj58ynP0mHeX1q&channel=cb_wx&currency=usd&client_ip=127.0.0.1&subject=s&body=b"
                + "&extra[goods_list][0][goods_name]=tea&extra[goods_list][0][goods_num]=3"));

        assertThat(charge.at("/extra/goods_list/0/goods_num").isIntegralNumber()).isTrue();
        assertThat(charge.get("currency").asText()).isEqualTo("usd");
    }

    @Test
    void booleansAndAppendedListsAreRead() {
        String subApp = SandboxHttp.ok(http.postForm("/v1/apps/app_1Gqj58ynP0mHeX1q/sub_apps",
                "display_name=form+shop&user=form_owner")).get("id").asText();

        JsonNode channel = SandboxHttp.ok(http.postForm("/v1/apps/app_1Gqj58ynP0mHeX1q/sub_apps/" + subApp + "/channels",
                "channel=alipay&params[tags][]=a&params[tags][]=b&banned=true&banned_msg=closed"));

        assertThat(channel.get("banned").isBoolean()).isTrue();
        assertThat(channel.at("/params/tags")).hasSize(2);
    }

    @Test
    void aValueThatIsNotOfItsTypeIsNamed() {
        SandboxHttp.Answer answer = http.postForm("/v1/charges", "order_no=123456789&amount=abc&app[id]=app_1Gqj58ynP0mHeX1q"
                + "&channel=upacp&currency=cny&client_ip=127.0.0.1&subject=s&body=b");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error().get("param").asText()).isEqualTo("amount");
    }

    @Test
    void ambiguousFormsAreRefused() {
        for (String form : List.of("amount=1&amount=2", "app=x&app[id]=y", "a[b]=1&a[]=2", "[x]=1", "a[b=1", "a=%zz")) {
            SandboxHttp.Answer answer = http.postForm("/v1/charges", form);
            assertThat(answer.status()).as(form).isEqualTo(400);
            RobustnessTest.assertPingppError(answer);
        }
    }
}
