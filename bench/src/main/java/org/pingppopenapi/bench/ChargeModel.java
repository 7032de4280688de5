package org.pingppopenapi.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.pingppopenapi.validation.PingppRules;

/** A charge request model as the generated client carries it: wire names and {@code @PingppRules}. */
@PingppRules("ChargeCreateRequest")
public class ChargeModel {
    @JsonProperty("order_no")
    public String orderNo;
    @JsonProperty("app")
    public Map<String, String> app;
    @JsonProperty("channel")
    public String channel;
    @JsonProperty("amount")
    public Long amount;
    @JsonProperty("client_ip")
    public String clientIp;
    @JsonProperty("currency")
    public String currency;
    @JsonProperty("subject")
    public String subject;
    @JsonProperty("body")
    public String body;
    @JsonProperty("extra")
    public Map<String, Object> extra;
    @JsonProperty("time_expire")
    public Long timeExpire;
    @JsonProperty("metadata")
    public Map<String, String> metadata;
    @JsonProperty("description")
    public String description;
}
