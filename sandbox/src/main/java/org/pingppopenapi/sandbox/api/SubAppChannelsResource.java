package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.server.model.DeletedChannel;
import org.pingppopenapi.server.model.SubAppChannel;
import org.pingppopenapi.server.model.SubAppChannelCreateRequest;
import org.pingppopenapi.server.model.SubAppChannelUpdateRequest;

/** {@code /v1/apps/{app_id}/sub_apps/{sub_app_id}/channels}: the payment channels of a sub-app. */
public final class SubAppChannelsResource extends GenericSubAppChannelsApi {

    public SubAppChannelsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public SubAppChannel createSubAppChannel(String appId, String subAppId, SubAppChannelCreateRequest request) {
        return account().apps().addChannel(appId, subAppId, request).toModel();
    }

    @Override
    public SubAppChannel retrieveSubAppChannel(String appId, String subAppId, String channel) {
        return account().apps().channel(appId, subAppId, channel).toModel();
    }

    @Override
    public SubAppChannel updateSubAppChannel(String appId, String subAppId, String channel,
            SubAppChannelUpdateRequest request) {
        return account().apps().updateChannel(appId, subAppId, channel, request).toModel();
    }

    @Override
    public DeletedChannel deleteSubAppChannel(String appId, String subAppId, String channel) {
        account().apps().removeChannel(appId, subAppId, channel);
        return new DeletedChannel(channel, true);
    }
}
