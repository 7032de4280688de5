package org.pingppopenapi.sandbox;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * The sandbox's own process puts Amazon Corretto Crypto Provider (ACCP, native AWS-LC) first among the JCA providers
 * when its library loads on this platform (its jar carries it for Linux x86-64). The sandbox signs every 2xx answer
 * with RSA-SHA256, and a create's answer is new each time: ACCP signs in about half the CPU time of the JDK's RSA,
 * which keeps a create at 10x {@code prism mock} and more. Elsewhere the JDK's providers sign: the same signatures
 * (RSA PKCS#1 v1.5 is deterministic), more slowly.
 *
 * <p>Only {@link SandboxMain} calls this: a {@link Sandbox} embedded in another program leaves that program's
 * providers as they are.
 */
final class NativeCrypto {

    private NativeCrypto() {
    }

    /** Installs ACCP when it can run here; says which crypto signs, for the banner. */
    static String install() {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable unavailable = accp.getLoadingError();
        if (unavailable != null) {
            return "the JDK's (no native provider for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ")";
        }
        AmazonCorrettoCryptoProvider.install();
        return "Amazon Corretto Crypto Provider " + accp.getVersionStr() + " (native)";
    }
}
