package org.pingppopenapi.server;

import java.security.PublicKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The merchant public keys that request signatures are verified with, one per account, as Ping++ keeps the key each
 * merchant uploads to its dashboard. An account with a key must sign every request with the matching private key;
 * an account without one (its signature checks are off, as the dashboard's switch allows) sends unsigned requests.
 * Implementations must be thread-safe.
 *
 * <pre>{@code
 * MerchantKeys keys = MerchantKeys.byAccount(Map.of("acct_shop_a", shopAPublicKey, "acct_shop_b", shopBPublicKey));
 * PingppProviders.builder(apiKeys).requireSignatures(keys).build();
 * }</pre>
 */
@FunctionalInterface
public interface MerchantKeys {

    /**
     * The public key {@code account} signs its requests with, or empty when its requests are not signed.
     *
     * @param account the account the request's API key belongs to, as the {@link ApiKeyStore} named it
     */
    Optional<PublicKey> publicKeyOf(PingppPrincipal account);

    /** One key for every account: every request must be signed with its private key. */
    static MerchantKeys sameForEveryAccount(PublicKey merchantPublicKey) {
        Objects.requireNonNull(merchantPublicKey, "merchantPublicKey");
        Optional<PublicKey> key = Optional.of(merchantPublicKey);
        return account -> key;
    }

    /**
     * A key per account, by the account's name ({@link PingppPrincipal#name()}); the requests of an account that is
     * not in the map are not signed.
     */
    static MerchantKeys byAccount(Map<String, PublicKey> keysByAccountName) {
        Map<String, PublicKey> keys = Map.copyOf(keysByAccountName);
        return account -> Optional.ofNullable(keys.get(account.name()));
    }
}
