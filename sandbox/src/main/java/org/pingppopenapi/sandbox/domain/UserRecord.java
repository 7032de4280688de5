package org.pingppopenapi.sandbox.domain;

import java.util.List;
import java.util.Map;
import org.pingppopenapi.server.model.SettleAccount;
import org.pingppopenapi.server.model.User;
import org.pingppopenapi.server.model.UserCreateRequest;
import org.pingppopenapi.server.model.UserUpdateRequest;

/**
 * A user of an app's account system: its profile and its balance (in fen). Users come into being when created, when a
 * request first names them, as {@code customer}s, or as {@code business} users when a sub-app is created. The balance
 * changes only through the {@link Ledger}, under this object's lock.
 */
public final class UserRecord implements Listed {

    private final String app;
    private final String id;
    private final String type;
    private final Position position;
    private long availableBalance;
    private boolean disabled;
    private String parentUserId;
    private String name;
    private String email;
    private String mobile;
    private String address;
    private String avatar;
    private String gender;
    private Map<String, String> metadata = Map.of();

    UserRecord(String app, String id, String type, Position position) {
        this.app = app;
        this.id = id;
        this.type = type;
        this.position = position;
    }

    @Override
    public String id() {
        return id;
    }

    public String app() {
        return app;
    }

    public String type() {
        return type;
    }

    @Override
    public Position position() {
        return position;
    }

    public synchronized long availableBalance() {
        return availableBalance;
    }

    public synchronized boolean isDisabled() {
        return disabled;
    }

    /** Refuses with 402 {@code user_disabled} naming {@code param} when the user is disabled. */
    public synchronized void checkEnabled(String param) {
        if (disabled) {
            throw Errors.refused("user_disabled", param, "User " + id + " of app " + app + " is disabled.");
        }
    }

    synchronized void disable() {
        disabled = true;
    }

    /** Only the ledger sets the balance, to the running sum of the user's transactions. */
    synchronized void setAvailableBalance(long balance) {
        availableBalance = balance;
    }

    synchronized void profile(UserCreateRequest request) {
        parentUserId = request.getParentUserId();
        name = request.getName();
        email = request.getEmail();
        mobile = request.getMobile();
        address = request.getAddress();
        avatar = request.getAvatar();
        gender = request.getGender() == null ? null : request.getGender().toString();
        metadata = Maps.copy(request.getMetadata());
    }

    /** Changes the profile fields the request gives (and only those), or disables or enables the user. */
    public synchronized void update(UserUpdateRequest request) {
        if (request.getDisabled() != null) {
            disabled = request.getDisabled();
        }
        if (request.getName() != null) {
            name = request.getName();
        }
        if (request.getEmail() != null) {
            email = request.getEmail();
        }
        if (request.getMobile() != null) {
            mobile = request.getMobile();
        }
        if (request.getAddress() != null) {
            address = request.getAddress();
        }
        if (request.getAvatar() != null) {
            avatar = request.getAvatar();
        }
        if (request.getGender() != null) {
            gender = request.getGender().toString();
        }
        if (request.getMetadata() != null) {
            metadata = Maps.copy(request.getMetadata());
        }
    }

    /** The user as the API shows it, with the coupons and settle accounts other resources keep for it. */
    public synchronized User toModel(int availableCoupons, List<SettleAccount> settleAccounts) {
        return new User(id, User.ObjectEnum.USER, app, false, position.created(), disabled, false, availableBalance,
                availableBalance, availableCoupons, settleAccounts, metadata)
                .type(type)
                .parentUserId(parentUserId)
                .name(name)
                .email(email)
                .mobile(mobile)
                .address(address)
                .avatar(avatar)
                .gender(gender)
                .totalBalance(availableBalance);
    }
}
