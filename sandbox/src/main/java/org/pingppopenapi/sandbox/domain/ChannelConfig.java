package org.pingppopenapi.sandbox.domain;

import java.util.Map;
import org.pingppopenapi.server.model.SubAppChannel;

/** A payment channel configured for a sub-app, as last set. Immutable; an update makes a new one. */
public record ChannelConfig(String channel, long created, Map<String, Object> params, boolean banned, String bannedMsg,
        String description) {

    public SubAppChannel toModel() {
        return new SubAppChannel(SubAppChannel.ObjectEnum.CHANNEL, channel)
                .created(created)
                .params(params)
                .banned(banned)
                .bannedMsg(bannedMsg)
                .description(description);
    }
}
