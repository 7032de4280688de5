package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.AppRecord;
import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.server.model.DeletedObject;
import org.pingppopenapi.server.model.SubApp;
import org.pingppopenapi.server.model.SubAppCreateRequest;
import org.pingppopenapi.server.model.SubAppList;
import org.pingppopenapi.server.model.SubAppUpdateRequest;

/** {@code /v1/apps/{app_id}/sub_apps}: sub-merchant apps of a platform app, at most 5 levels deep. */
public final class SubAppsResource extends GenericSubAppsApi {

    public SubAppsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public SubApp createSubApp(String appId, SubAppCreateRequest request) {
        return account().apps().createSubApp(appId, request).toSubAppModel();
    }

    @Override
    public SubApp retrieveSubApp(String appId, String subAppId) {
        return account().apps().subApp(appId, subAppId).toSubAppModel();
    }

    @Override
    public SubApp updateSubApp(String appId, String subAppId, SubAppUpdateRequest request) {
        return account().apps().updateSubApp(appId, subAppId, request).toSubAppModel();
    }

    @Override
    public DeletedObject deleteSubApp(String appId, String subAppId) {
        return new DeletedObject(account().apps().deleteSubApp(appId, subAppId).id(), true);
    }

    @Override
    public SubAppList listSubApps(String appId, Integer level, String parentApp, Integer page, Integer perPage,
            Long createdGt, Long createdGte, Long createdLt, Long createdLte) {
        Page<AppRecord> subApps = Page.byNumber(account().apps().subApps(appId, level, parentApp,
                created(createdGt, createdGte, createdLt, createdLte)), page, perPage(perPage, DEFAULT_PER_PAGE));
        return new SubAppList(SubAppList.ObjectEnum.LIST, "/v1/apps/" + appId + "/sub_apps", subApps.hasMore(),
                subApps.map(AppRecord::toSubAppModel));
    }
}
