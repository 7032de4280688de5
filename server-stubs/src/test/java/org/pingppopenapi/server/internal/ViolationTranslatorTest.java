package org.pingppopenapi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.server.PingppErrorException;
import org.pingppopenapi.server.PingppJson;
import org.pingppopenapi.server.model.GoodsListItem;
import org.pingppopenapi.server.model.OrderCreateRequest;
import org.pingppopenapi.server.model.RoyaltyUser;
import org.pingppopenapi.validation.PingppRules;

/**
 * The generic constraints of the generated models (not the channel rules, which report JSON paths themselves) name
 * Java properties; the error must name the JSON field the client wrote.
 */
class ViolationTranslatorTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();
    private final ViolationTranslator translator = new ViolationTranslator(PingppJson.newObjectMapper());

    @AfterAll
    static void closeFactory() {
        FACTORY.close();
    }

    @Test
    void aJavaPropertyIsReportedByItsJsonName() {
        GoodsListItem item = new GoodsListItem("6901234567890", "Tea", 100L, 1);
        item.setGoodsId(null);

        PingppErrorException error = translator.toError(validator.validate(item));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.param()).isEqualTo("goods_id");
        assertThat(error.getMessage()).startsWith("goods_id ");
        assertThat(error.code()).isEqualTo(PingppErrorException.REQUEST_PARAM_ERROR);
    }

    @Test
    void aFieldOfAListItemIsReportedWithItsIndex() {
        OrderCreateRequest order = new OrderCreateRequest();
        order.setRoyaltyUsers(List.of(new RoyaltyUser(), new RoyaltyUser()));

        Set<ConstraintViolation<OrderCreateRequest>> generic = validator.validate(order).stream()
                .filter(v -> !(v.getConstraintDescriptor().getAnnotation() instanceof PingppRules))
                .filter(v -> v.getPropertyPath().toString().startsWith("royaltyUsers"))
                .collect(Collectors.toSet());
        assertThat(generic).isNotEmpty();

        assertThat(translator.toError(generic).param()).matches("royalty_users\\[[01]\\]\\.[a-z_]+");
    }

    @Test
    void severalFieldsGiveTheFirstInAlphabeticalOrderAndCountTheOthers() {
        GoodsListItem item = new GoodsListItem(null, null, 100L, 1);

        PingppErrorException error = translator.toError(validator.validate(item));

        assertThat(error.param()).isEqualTo("goods_id");
        assertThat(error.getMessage()).endsWith("(and 1 more invalid parameter)");
    }
}
