package org.pingppopenapi.sandbox.domain;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The users of every app of one account. Thread-safe. */
public final class UserBook {

    private final ConcurrentMap<Key, UserRecord> users = new ConcurrentHashMap<>();

    /** The user, created as a {@code customer} the first time it is named. */
    public UserRecord user(String app, String userId) {
        return users.computeIfAbsent(new Key(app, userId), key -> new UserRecord(app, userId, "customer"));
    }

    /** A new {@code business} user; refused when the app already has a user with that id. */
    UserRecord createBusinessUser(String app, String userId, String param) {
        UserRecord user = new UserRecord(app, userId, "business");
        if (users.putIfAbsent(new Key(app, userId), user) != null) {
            throw Errors.invalid(param, "User " + userId + " already exists in app " + app + ".");
        }
        return user;
    }

    private record Key(String app, String user) {
    }
}
