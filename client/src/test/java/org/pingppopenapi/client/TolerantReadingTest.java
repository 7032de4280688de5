package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderRefund;
import org.pingppopenapi.client.model.Recharge;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.SubApp;

/** The reading rules of {@link Json#MAPPER}, one quirk of the API at a time. */
class TolerantReadingTest {

    private static <T> T read(String json, Class<T> type) throws Exception {
        return Json.MAPPER.readValue(json, type);
    }

    @Test
    void numericStringsReadAsNumbers() throws Exception {
        Order order = read("{\"amount\":\"30\",\"time_expire\":\"1472282548\",\"paid\":\"true\"}", Order.class);
        assertThat(order.getAmount()).isEqualTo(30L);
        assertThat(order.getTimeExpire()).isEqualTo(1472282548L);
        assertThat(order.getPaid()).isTrue();
    }

    @Test
    void bareNumericIdsKeepEveryDigitEvenBeyondALong() throws Exception {
        assertThat(read("{\"id\":2111608270000005209}", OrderRefund.class).getId()).isEqualTo("2111608270000005209");
        assertThat(read("{\"id\":9007199254740993}", OrderRefund.class).getId()).isEqualTo("9007199254740993");
        assertThat(read("{\"id\":123456789012345678901234567890}", OrderRefund.class).getId())
                .isEqualTo("123456789012345678901234567890");
    }

    @Test
    void freeFormNumbersKeepTheirExactValueAndNeverTurnScientific() throws Exception {
        Charge charge = read("{\"extra\":{\"big\":123456789012345678901234567890,\"long\":1472124411000,"
                + "\"small\":1,\"price\":0.10,\"tiny\":1E-7,\"huge\":1e21}}", Charge.class);
        assertThat(charge.getExtra()).containsEntry("big", new BigInteger("123456789012345678901234567890"))
                .containsEntry("long", 1472124411000L).containsEntry("small", 1)
                .containsEntry("price", new BigDecimal("0.10"));
        assertThat(Json.MAPPER.writeValueAsString(charge.getExtra()))
                .contains("\"price\":0.10", "\"tiny\":0.0000001", "\"huge\":1000000000000000000000")
                .doesNotContain("E");
    }

    @Test
    void anEmptyArrayReadsAsAnEmptyObjectOrMap() throws Exception {
        Charge charge = read("{\"extra\":[],\"metadata\":[],\"credential\":[],\"refunds\":[]}", Charge.class);
        assertThat(charge.getExtra()).isEmpty();
        assertThat(charge.getMetadata()).isEmpty();
        assertThat(charge.getCredential().channels()).isEmpty();
        assertThat(charge.getRefunds()).isNotNull();
    }

    @Test
    void anEmptyObjectReadsAsAnEmptyListButAFullOneIsAnError() throws Exception {
        assertThat(read("{\"available_methods\":{}}", SubApp.class).getAvailableMethods()).isEmpty();
        assertThatThrownBy(() -> read("{\"available_methods\":{\"a\":1}}", SubApp.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void anEmptyStringReadsAsAnAbsentObject() throws Exception {
        Recharge recharge = read("{\"balance_bonus\":\"\",\"charge\":\"\"}", Recharge.class);
        assertThat(recharge.getBalanceBonus()).isNull();
        assertThat(recharge.getCharge()).isNull();
    }

    @Test
    void aRepeatedKeyKeepsItsLastValue() throws Exception {
        assertThat(read("{\"uid\":\"user_002\",\"amount\":1,\"uid\":\"user_001\"}", Order.class).getUid())
                .isEqualTo("user_001");
    }

    @Test
    void unknownPropertiesAreIgnoredAndUnknownEnumValuesRecognisable() throws Exception {
        Refund refund = read("{\"status\":\"reversed\",\"charge_rfd_id\":null,\"new_field\":{\"a\":[1]}}", Refund.class);
        assertThat(refund.getStatus()).isEqualTo(Refund.StatusEnum.UNKNOWN_DEFAULT_OPEN_API);
    }

    @Test
    void anUnknownEnumValueReadFromAnAnswerCanStillBeWrittenForLogsOrStorage() throws Exception {
        Refund refund = read("{\"status\":\"reversed\"}", Refund.class);
        assertThat(Json.MAPPER.writeValueAsString(refund)).contains("unknown_default_open_api");
    }

    @Test
    void nullsAreNotWrittenUnlessTheSpecRequiresTheField() throws Exception {
        assertThat(Json.MAPPER.writeValueAsString(new org.pingppopenapi.client.model.SubAppUpdateRequest()
                .displayName("x").description(null))).isEqualTo("{\"display_name\":\"x\"}");
        assertThat(Json.MAPPER.writeValueAsString(new Refund().id("re_1").description(null)))
                .isEqualTo("{\"id\":\"re_1\",\"object\":null,\"amount\":null,\"succeed\":null,\"status\":null,\"charge\":null}");
    }

    @Test
    void aSingleValueInAnArrayReadsAsThatValue() throws Exception {
        assertThat(read("{\"amount\":[100]}", Charge.class).getAmount()).isEqualTo(100L);
        assertThat(read("{\"charges\":[]}", Order.class).getCharges()).isNotNull();
        assertThat(read("{\"data\":[{\"id\":\"ch_1\"}]}", org.pingppopenapi.client.model.ChargeList.class).getData())
                .extracting(Charge::getId).isEqualTo(List.of("ch_1"));
    }
}
