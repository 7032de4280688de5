package org.pingppopenapi.signing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** RSA-SHA256 with PKCS#1 v1.5 padding, base64 without line breaks: the only algorithm Ping++ uses. */
final class Rsa {

    private static final String ALGORITHM = "SHA256withRSA";

    private Rsa() {
    }

    static String sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot sign with this key: " + e.getClass().getSimpleName(), e);
        }
    }

    /** False for any doubt: no signature, bad base64, wrong key, tampered data. */
    static boolean verify(PublicKey key, byte[] data, String signatureBase64) {
        if (key == null || data == null || signatureBase64 == null || signatureBase64.isBlank()) {
            return false;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getMimeDecoder().decode(signatureBase64.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
