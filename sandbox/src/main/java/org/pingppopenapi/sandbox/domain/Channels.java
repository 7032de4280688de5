package org.pingppopenapi.sandbox.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sandbox needs to know about channels, all read from the spec: the channels there are (the channel group
 * {@code all}), which family a channel belongs to ({@code order_no} must be unique across the products of one
 * family; the groups {@code components.x-pingpp-channel-families} names, a channel in none of them being a family
 * of its own), the members of a group, and how long a charge stays payable when its request gives no
 * {@code time_expire} (the {@code x-pingpp-defaults} of the operation that creates it).
 */
public final class Channels {

    private static final List<String> ALL = allFromSpec();
    private static final Set<String> KNOWN = Set.copyOf(ALL);
    private static final Map<String, String> FAMILY_BY_CHANNEL = familiesFromSpec();
    private static final FieldDefault CHARGE_EXPIRY = FieldDefault.of("createCharge", "time_expire");
    private static final FieldDefault RECHARGE_EXPIRY = FieldDefault.of("createRecharge", "charge.time_expire");

    private Channels() {
    }

    /** Every payment channel the documents name, in the spec's order. */
    public static List<String> all() {
        return ALL;
    }

    /** Whether the channel is a payment channel the documents name. */
    public static boolean isKnown(String channel) {
        return KNOWN.contains(channel);
    }

    /** The family of a channel: {@code wechat} for {@code wx_pub}, or the channel itself when it has none. */
    public static String family(String channel) {
        return FAMILY_BY_CHANNEL.getOrDefault(channel, channel);
    }

    /** Whether the channel belongs to the spec's channel group {@code group}. */
    public static boolean inGroup(String group, String channel) {
        return SpecDocument.channelGroup(group).contains(channel);
    }

    /** How long a charge created directly stays payable by default, per the {@code x-pingpp-defaults} of createCharge. */
    public static Duration chargeDefaultExpiry(String channel) {
        return Duration.ofSeconds(CHARGE_EXPIRY.secondsAfterCreation(channel));
    }

    /** The same for the charge of a recharge, per the {@code x-pingpp-defaults} of createRecharge. */
    public static Duration rechargeDefaultExpiry(String channel) {
        return Duration.ofSeconds(RECHARGE_EXPIRY.secondsAfterCreation(channel));
    }

    private static List<String> allFromSpec() {
        JsonNode members = SpecDocument.root().path("components").path("x-pingpp-channel-groups").path("all");
        if (!members.isArray() || members.isEmpty()) {
            throw new IllegalStateException("The spec has no channel group all");
        }
        List<String> channels = new ArrayList<>();
        members.forEach(channel -> channels.add(channel.asText()));
        return List.copyOf(channels);
    }

    private static Map<String, String> familiesFromSpec() {
        Map<String, String> families = new HashMap<>();
        for (JsonNode family : SpecDocument.root().path("components").path("x-pingpp-channel-families")) {
            Set<String> members = SpecDocument.channelGroup(family.asText());
            members.forEach(channel -> families.putIfAbsent(channel, family.asText()));
        }
        if (families.isEmpty()) {
            throw new IllegalStateException("The spec names no channel families (components.x-pingpp-channel-families)");
        }
        return Map.copyOf(families);
    }
}
