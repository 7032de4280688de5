package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.pingppopenapi.server.model.UserCreateRequest;

/** The users of every app of one account. Thread-safe. */
public final class UserBook {

    private final Clock clock;
    private final ConcurrentMap<Key, UserRecord> users = new ConcurrentHashMap<>();

    UserBook(Clock clock) {
        this.clock = clock;
    }

    /** The user, created as a {@code customer} the first time it is named. */
    public UserRecord user(String app, String userId) {
        return users.computeIfAbsent(new Key(app, userId), key -> new UserRecord(app, userId, "customer", next()));
    }

    /** The user if it exists. */
    public Optional<UserRecord> find(String app, String userId) {
        return Optional.ofNullable(users.get(new Key(app, userId)));
    }

    /** The user, or 404 naming {@code id}. */
    public UserRecord existing(String app, String userId) {
        return find(app, userId).orElseThrow(() -> Errors.noSuch("user", userId));
    }

    /**
     * A user the merchant creates; refused when the id is in use in the app, also by a user a request named before
     * (on the live API that is a user too).
     */
    public UserRecord create(String app, UserCreateRequest request) {
        UserRecord user = new UserRecord(app, request.getId(), "customer", next());
        user.profile(request);
        if (users.putIfAbsent(new Key(app, request.getId()), user) != null) {
            throw Errors.invalid("id", "User " + request.getId() + " already exists in app " + app + ".");
        }
        return user;
    }

    /** The users of an app, newest first. */
    public Stream<UserRecord> users(String app, CreatedRange created) {
        return users.values().stream()
                .filter(user -> user.app().equals(app))
                .filter(created)
                .sorted(Comparator.comparing(UserRecord::position).reversed());
    }

    /** A new {@code business} user; refused when the app already has a user with that id. */
    UserRecord createBusinessUser(String app, String userId, String param) {
        UserRecord user = new UserRecord(app, userId, "business", next());
        if (users.putIfAbsent(new Key(app, userId), user) != null) {
            throw Errors.invalid(param, "User " + userId + " already exists in app " + app + ".");
        }
        return user;
    }

    private Position next() {
        return Timeline.next(clock.instant().getEpochSecond());
    }

    private record Key(String app, String user) {
    }
}
