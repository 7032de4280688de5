package org.pingppopenapi.client;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;
import org.pingppopenapi.client.model.User;

/** A user's id, or the {@link User} itself after {@code expand[]=user} (for example {@code sub_app.user}). */
@JsonSerialize(using = Expandable.Serializer.class)
@JsonDeserialize(using = ExpandableUser.Deserializer.class)
public final class ExpandableUser extends Expandable<User> {

    private ExpandableUser(String id, User user) {
        super(id, user);
    }

    /** The user by id, not expanded. */
    public static ExpandableUser ofId(String id) {
        return new ExpandableUser(Objects.requireNonNull(id, "id"), null);
    }

    /** The expanded user; its id is the user's. */
    public static ExpandableUser of(User user) {
        return new ExpandableUser(user.getId(), user);
    }

    static final class Deserializer extends Expandable.Deserializer<User, ExpandableUser> {

        Deserializer() {
            super(User.class, ExpandableUser::ofId, ExpandableUser::of);
        }
    }
}
