package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pingppopenapi.server.model.SubAppChannelCreateRequest;
import org.pingppopenapi.server.model.SubAppChannelUpdateRequest;
import org.pingppopenapi.server.model.SubAppCreateRequest;
import org.pingppopenapi.server.model.SubAppUpdateRequest;

/**
 * The apps of one account: platform apps, which exist as soon as a request names one (as the apps of the
 * merchant's dashboard do), and the sub-apps created under them, at most {@value #MAX_LEVEL} levels deep, with
 * their channels.
 *
 * <p>Changes to the tree (create, move, delete) take one lock, so depth and cycle checks see a stable tree.
 */
public final class AppBook {

    static final int MAX_LEVEL = 5;
    /** What a platform app id looks like; ids of other shapes name no app. */
    private static final Pattern APP_ID = Pattern.compile("app_[A-Za-z0-9]{1,32}");
    private static final String DEFAULT_SUB_APP_USER = "0";

    private final String accountId;
    private final Clock clock;
    private final IdGenerator ids;
    private final UserBook users;
    private final ObjectBudget budget;
    private final Timeline<AppRecord> apps = new Timeline<>();
    private final Object treeLock = new Object();

    AppBook(String accountId, Clock clock, IdGenerator ids, UserBook users, ObjectBudget budget) {
        this.accountId = accountId;
        this.budget = budget;
        this.clock = clock;
        this.ids = ids;
        this.users = users;
    }

    /**
     * The live app with this id: a known app, or a new platform app when the id has the shape of one.
     *
     * @param param the request parameter that named it, for the error
     */
    public AppRecord app(String id, String param) {
        AppRecord known = apps.find(id).orElse(null);
        if (known != null) {
            if (known.isDeleted()) {
                throw Errors.invalid(param, "App " + id + " was deleted.");
            }
            return known;
        }
        if (id == null || !APP_ID.matcher(id).matches()) {
            throw Errors.invalid(param, "No such app: " + id);
        }
        budget.claim();
        if (!apps.add(AppRecord.platform(id, Timeline.next(now()), accountId))) {
            budget.release();
        }
        return apps.find(id).orElseThrow();
    }

    /** The app if it exists and is live, without creating one. */
    public Optional<AppRecord> existing(String id) {
        return apps.find(id).filter(app -> !app.isDeleted());
    }

    public AppRecord createSubApp(String platformId, SubAppCreateRequest request) {
        AppRecord platform = platform(platformId);
        synchronized (treeLock) {
            AppRecord parent = request.getParentApp() == null ? platform
                    : liveMemberOf(platform, request.getParentApp(), "parent_app");
            if (parent.level() >= MAX_LEVEL) {
                throw Errors.invalid("parent_app", "Sub-apps nest at most " + MAX_LEVEL + " levels deep; "
                        + parent.id() + " is at level " + parent.level() + ".");
            }
            String userId = request.getUser();
            users.createBusinessUser(platform.id(), userId, "user");
            AppRecord subApp;
            do {
                subApp = AppRecord.subApp(ids.app(), Timeline.next(now()), accountId, platform.id(), userId,
                        request.getDisplayName(), request.getDescription(), request.getMetadata(), parent);
            } while (!apps.add(subApp));
            users.createBusinessUser(subApp.id(), DEFAULT_SUB_APP_USER, "user");
            return subApp;
        }
    }

    public AppRecord subApp(String platformId, String subAppId) {
        AppRecord platform = platform(platformId);
        return apps.find(subAppId)
                .filter(app -> !app.isPlatform() && !app.isDeleted() && app.platformId().equals(platform.id()))
                .orElseThrow(() -> Errors.noSuch("sub_app", subAppId));
    }

    public AppRecord updateSubApp(String platformId, String subAppId, SubAppUpdateRequest request) {
        synchronized (treeLock) {
            AppRecord subApp = subApp(platformId, subAppId);
            if (request.getParentApp() != null && !request.getParentApp().equals(subApp.parentId())) {
                move(subApp, liveMemberOf(platform(platformId), request.getParentApp(), "parent_app"));
            }
            subApp.rename(request.getDisplayName(), request.getDescription(), request.getMetadata());
            return subApp;
        }
    }

    /** Removes a sub-app that has no sub-apps of its own, and disables its user {@code 0}. */
    public AppRecord deleteSubApp(String platformId, String subAppId) {
        synchronized (treeLock) {
            AppRecord subApp = subApp(platformId, subAppId);
            if (children(subApp).findAny().isPresent()) {
                throw Errors.refused("sub_app_has_sub_apps", null, "Sub-app " + subAppId
                        + " has sub-apps of its own; delete them first.");
            }
            subApp.delete();
            users.user(subApp.id(), DEFAULT_SUB_APP_USER).disable();
            return subApp;
        }
    }

    /** The live sub-apps of a platform app, newest first, optionally of one level or under one parent. */
    public Stream<AppRecord> subApps(String platformId, Integer level, String parentApp, CreatedRange created) {
        AppRecord platform = platform(platformId);
        return apps.newestFirst()
                .filter(app -> !app.isPlatform() && !app.isDeleted() && app.platformId().equals(platform.id()))
                .filter(app -> level == null || app.level() == level)
                .filter(app -> parentApp == null || parentApp.equals(app.parentId()))
                .filter(created);
    }

    public ChannelConfig addChannel(String platformId, String subAppId, SubAppChannelCreateRequest request) {
        AppRecord subApp = subApp(platformId, subAppId);
        ChannelConfig config = new ChannelConfig(request.getChannel(), now(), Maps.copy(request.getParams()),
                Boolean.TRUE.equals(request.getBanned()), emptyToNull(request.getBannedMsg()), request.getDescription());
        if (!subApp.addChannel(config)) {
            throw Errors.invalid("channel", "Channel " + request.getChannel() + " is already configured for "
                    + subAppId + "; update it instead.");
        }
        return config;
    }

    public ChannelConfig channel(String platformId, String subAppId, String channel) {
        return subApp(platformId, subAppId).channel(channel).orElseThrow(() -> Errors.noSuch("channel", channel));
    }

    public ChannelConfig updateChannel(String platformId, String subAppId, String channel, SubAppChannelUpdateRequest request) {
        AppRecord subApp = subApp(platformId, subAppId);
        synchronized (subApp) {
            ChannelConfig old = subApp.channel(channel).orElseThrow(() -> Errors.noSuch("channel", channel));
            ChannelConfig updated = new ChannelConfig(channel, old.created(),
                    request.getParams() != null ? Maps.copy(request.getParams()) : old.params(),
                    request.getBanned() != null ? request.getBanned() : old.banned(),
                    request.getBannedMsg() != null ? emptyToNull(request.getBannedMsg()) : old.bannedMsg(),
                    request.getDescription() != null ? request.getDescription() : old.description());
            if (updated.banned() && updated.bannedMsg() == null) {
                throw Errors.invalid("banned_msg", "A banned channel needs banned_msg.");
            }
            subApp.replaceChannel(updated);
            return updated;
        }
    }

    public void removeChannel(String platformId, String subAppId, String channel) {
        if (!subApp(platformId, subAppId).removeChannel(channel)) {
            throw Errors.noSuch("channel", channel);
        }
    }

    private AppRecord platform(String platformId) {
        AppRecord app = app(platformId, "app_id");
        if (!app.isPlatform()) {
            throw Errors.invalid("app_id", app.id() + " is a sub-app; sub-apps are managed under their platform app "
                    + app.platformId() + ".");
        }
        return app;
    }

    /** The platform app itself or one of its live sub-apps. */
    private AppRecord liveMemberOf(AppRecord platform, String appId, String param) {
        if (platform.id().equals(appId)) {
            return platform;
        }
        return apps.find(appId)
                .filter(app -> !app.isDeleted() && app.platformId().equals(platform.id()))
                .orElseThrow(() -> Errors.invalid(param, "No such app under " + platform.id() + ": " + appId));
    }

    private void move(AppRecord subApp, AppRecord newParent) {
        for (AppRecord ancestor = newParent; ancestor != null; ancestor = parentOf(ancestor)) {
            if (ancestor == subApp) {
                throw Errors.invalid("parent_app", newParent.id() + " is " + subApp.id()
                        + " itself or one of its sub-apps; an app cannot be its own ancestor.");
            }
        }
        int shift = newParent.level() + 1 - subApp.level();
        int deepest = deepestLevel(subApp) + shift;
        if (deepest > MAX_LEVEL) {
            throw Errors.invalid("parent_app", "Under " + newParent.id() + " the sub-apps of " + subApp.id()
                    + " would reach level " + deepest + "; sub-apps nest at most " + MAX_LEVEL + " levels deep.");
        }
        subApp.moveUnder(newParent.id(), newParent.level() + 1);
        shiftDescendants(subApp, shift);
    }

    private void shiftDescendants(AppRecord app, int shift) {
        children(app).forEach(child -> {
            child.moveUnder(app.id(), child.level() + shift);
            shiftDescendants(child, shift);
        });
    }

    private int deepestLevel(AppRecord app) {
        List<AppRecord> children = children(app).toList();
        int deepest = app.level();
        for (AppRecord child : children) {
            deepest = Math.max(deepest, deepestLevel(child));
        }
        return deepest;
    }

    private Stream<AppRecord> children(AppRecord app) {
        return apps.newestFirst().filter(child -> !child.isDeleted() && app.id().equals(child.parentId()));
    }

    private AppRecord parentOf(AppRecord app) {
        return app.parentId() == null ? null : apps.find(app.parentId()).orElse(null);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
