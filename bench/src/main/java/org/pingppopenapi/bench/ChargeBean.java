package org.pingppopenapi.bench;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A charge request as openapi-generator writes it with {@code useBeanValidation}: only the generic field
 * constraints of {@code ChargeCreateRequest}, none of the channel rules.
 */
public class ChargeBean {

    @NotNull
    @Size(min = 1, max = 64)
    @Pattern(regexp = "^[A-Za-z0-9]+$")
    public String orderNo;

    @NotNull
    @Valid
    public AppReference app;

    @NotNull
    @Size(min = 1)
    public String channel;

    @NotNull
    @Min(1)
    public Long amount;

    @NotNull
    @Pattern(regexp = "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$")
    public String clientIp;

    @NotNull
    @Pattern(regexp = "^[a-z]{3}$")
    public String currency;

    @NotNull
    @Size(min = 1, max = 32)
    public String subject;

    @NotNull
    @Size(min = 1, max = 128)
    public String body;

    public Map<String, Object> extra;

    public Long timeExpire;

    @Size(max = 10)
    public Map<String, String> metadata;

    @Size(max = 255)
    public String description;

    public static class AppReference {
        @NotNull
        @Size(min = 1)
        public String id;
    }
}
