package org.pingppopenapi.sandbox.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingppopenapi.server.model.App;
import org.pingppopenapi.server.model.SubApp;

/**
 * An app of the account: a platform app (level 0, known as soon as a request names it, as the apps of a Ping++
 * dashboard are) or a sub-app created under one (levels 1 to 5). Sub-app fields change only under the
 * {@link AppBook}'s tree lock; reads synchronize on the record.
 */
public final class AppRecord implements Listed {

    private final String id;
    private final Position position;
    private final String accountId;
    private final String platformId;
    private final String userId;

    private String displayName;
    private String description;
    private Map<String, String> metadata;
    private String parentId;
    private int level;
    private boolean deleted;
    private final Map<String, ChannelConfig> channels = new LinkedHashMap<>();

    private AppRecord(String id, Position position, String accountId, String platformId, String userId, String displayName,
            String description, Map<String, String> metadata, String parentId, int level) {
        this.id = id;
        this.position = position;
        this.accountId = accountId;
        this.platformId = platformId;
        this.userId = userId;
        this.displayName = displayName;
        this.description = description;
        this.metadata = Maps.copy(metadata);
        this.parentId = parentId;
        this.level = level;
    }

    static AppRecord platform(String id, Position position, String accountId) {
        return new AppRecord(id, position, accountId, id, null, "Sandbox app " + id, null, Map.of(), null, 0);
    }

    static AppRecord subApp(String id, Position position, String accountId, String platformId, String userId,
            String displayName, String description, Map<String, String> metadata, AppRecord parent) {
        return new AppRecord(id, position, accountId, platformId, userId, displayName, description, metadata, parent.id,
                parent.level() + 1);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Position position() {
        return position;
    }

    public String platformId() {
        return platformId;
    }

    public boolean isPlatform() {
        return level == 0;
    }

    public synchronized int level() {
        return level;
    }

    public synchronized String parentId() {
        return parentId;
    }

    public synchronized boolean isDeleted() {
        return deleted;
    }

    synchronized void rename(String displayName, String description, Map<String, String> metadata) {
        if (displayName != null) {
            this.displayName = displayName;
        }
        if (description != null) {
            this.description = description;
        }
        if (metadata != null) {
            this.metadata = Maps.copy(metadata);
        }
    }

    synchronized void moveUnder(String parentId, int level) {
        this.parentId = parentId;
        this.level = level;
    }

    synchronized void delete() {
        this.deleted = true;
    }

    public synchronized Optional<ChannelConfig> channel(String channel) {
        return Optional.ofNullable(channels.get(channel));
    }

    synchronized boolean addChannel(ChannelConfig config) {
        return channels.putIfAbsent(config.channel(), config) == null;
    }

    synchronized void replaceChannel(ChannelConfig config) {
        channels.put(config.channel(), config);
    }

    synchronized boolean removeChannel(String channel) {
        return channels.remove(channel) != null;
    }

    /** The channels customers can pay through: configured and not banned (for a platform app, all known ones). */
    public synchronized List<String> availableMethods() {
        if (isPlatform()) {
            return Channels.all();
        }
        List<String> available = new ArrayList<>();
        for (ChannelConfig config : channels.values()) {
            if (!config.banned()) {
                available.add(config.channel());
            }
        }
        return available;
    }

    public synchronized SubApp toSubAppModel() {
        return new SubApp(id, SubApp.ObjectEnum.SUB_APP, displayName)
                .created(position.created())
                .account(accountId)
                .description(description)
                .metadata(metadata)
                .availableMethods(availableMethods())
                .user(userId)
                .level(level)
                .parentApp(parentId);
    }

    /** The expanded {@code charge.app}. */
    public synchronized App toAppModel(String webhookUrl) {
        return new App(id, App.ObjectEnum.APP)
                .created(position.created())
                .displayName(displayName)
                .notifyUrl(webhookUrl)
                .channelsSupported(availableMethods());
    }

    synchronized Collection<ChannelConfig> channels() {
        return List.copyOf(channels.values());
    }
}
