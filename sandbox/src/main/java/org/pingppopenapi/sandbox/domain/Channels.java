package org.pingppopenapi.sandbox.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sandbox needs to know about channels: which family a channel belongs to ({@code order_no} must be
 * unique across the products of one family, per the charge document 001) and how long a charge stays payable
 * when the request gives no {@code time_expire}. Families are the spec's channel groups
 * ({@code components.x-pingpp-channel-groups}); a channel in none of them is a family of its own.
 */
public final class Channels {

    /** The groups of the spec that are families of products of one payment provider. */
    private static final List<String> FAMILY_GROUPS = List.of("alipay", "wechat", "unionpay", "offline_scan");
    /** 001: "upacp、upacp_pc、upacp_wap、cp_b2b、applepay_upacp 渠道对该参数的有效值限制为 1 小时内". */
    private static final Set<String> ONE_HOUR_UNIONPAY = Set.of("upacp", "upacp_pc", "upacp_wap", "cp_b2b", "applepay_upacp");

    private static final Duration ONE_DAY = Duration.ofDays(1);
    private static final Duration WECHAT_DEFAULT = Duration.ofHours(2);
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private static final Map<String, String> FAMILY_BY_CHANNEL = familiesFromSpec();

    private Channels() {
    }

    /** The family of a channel: {@code wechat} for {@code wx_pub}, or the channel itself when it has none. */
    public static String family(String channel) {
        return FAMILY_BY_CHANNEL.getOrDefault(channel, channel);
    }

    public static boolean isWechat(String channel) {
        return "wechat".equals(FAMILY_BY_CHANNEL.get(channel));
    }

    public static boolean isAlipay(String channel) {
        return "alipay".equals(FAMILY_BY_CHANNEL.get(channel));
    }

    public static boolean isUnionpay(String channel) {
        return "unionpay".equals(FAMILY_BY_CHANNEL.get(channel));
    }

    public static boolean isOfflineScan(String channel) {
        return "offline_scan".equals(FAMILY_BY_CHANNEL.get(channel));
    }

    /**
     * How long a charge created directly stays payable by default (001): 1 day; 2 hours on WeChat; 1 hour on
     * {@code upacp}, {@code upacp_pc}, {@code upacp_wap}, {@code cp_b2b} and {@code applepay_upacp}.
     */
    public static Duration chargeDefaultExpiry(String channel) {
        if (isWechat(channel)) {
            return WECHAT_DEFAULT;
        }
        return ONE_HOUR_UNIONPAY.contains(channel) ? ONE_HOUR : ONE_DAY;
    }

    /** The same for the charge of a recharge (003): 1 day; 2 hours on WeChat; 1 hour on every UnionPay channel. */
    public static Duration rechargeDefaultExpiry(String channel) {
        if (isWechat(channel)) {
            return WECHAT_DEFAULT;
        }
        return isUnionpay(channel) ? ONE_HOUR : ONE_DAY;
    }

    private static Map<String, String> familiesFromSpec() {
        JsonNode groups = SpecDocument.root().path("components").path("x-pingpp-channel-groups");
        Map<String, String> families = new HashMap<>();
        for (String family : FAMILY_GROUPS) {
            JsonNode members = groups.path(family);
            if (!members.isArray() || members.isEmpty()) {
                throw new IllegalStateException("The spec has no channel group " + family);
            }
            members.forEach(channel -> families.putIfAbsent(channel.asText(), family));
        }
        return Map.copyOf(families);
    }
}
