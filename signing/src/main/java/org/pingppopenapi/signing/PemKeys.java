package org.pingppopenapi.signing;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the RSA keys Ping++ integrations handle, in every form the official SDKs and dashboards use.
 *
 * <p>Private keys: PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}, what most SDKs ship), PKCS#8 PEM
 * ({@code BEGIN PRIVATE KEY}), or PKCS#8 as bare base64 without header lines (what pingpp-java ships).
 * Public keys: X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}, what the Ping++ dashboard shows),
 * PKCS#1 PEM ({@code BEGIN RSA PUBLIC KEY}), or SubjectPublicKeyInfo as bare base64.
 *
 * <p>A key that cannot be read is an {@link IllegalArgumentException} saying why; its message never
 * contains key material.
 */
public final class PemKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM_IDENTIFIER = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private PemKeys() {
    }

    /** Reads an RSA private key in PKCS#1 PEM, PKCS#8 PEM or headerless PKCS#8 base64. */
    public static PrivateKey privateKey(String text) {
        Armored key = Armored.parse(text, "private");
        return switch (key.label()) {
            case "RSA PRIVATE KEY" -> rsaPrivateKey(pkcs1PrivateToPkcs8(key.der()));
            case "PRIVATE KEY" -> rsaPrivateKey(key.der());
            case "" -> {
                try {
                    yield rsaPrivateKey(key.der());
                } catch (IllegalArgumentException notPkcs8) {
                    yield rsaPrivateKey(pkcs1PrivateToPkcs8(key.der()));
                }
            }
            case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(
                    "The RSA private key is encrypted; give it unencrypted (openssl pkcs8 -topk8 -nocrypt)");
            default -> throw new IllegalArgumentException(
                    "Expected an RSA private key but got a PEM block labelled '" + key.label() + "'");
        };
    }

    /** Reads an RSA public key in X.509 SubjectPublicKeyInfo PEM, PKCS#1 PEM or headerless base64. */
    public static PublicKey publicKey(String text) {
        Armored key = Armored.parse(text, "public");
        byte[] subjectPublicKeyInfo = switch (key.label()) {
            case "PUBLIC KEY", "" -> key.der();
            case "RSA PUBLIC KEY" -> pkcs1PublicToSubjectPublicKeyInfo(key.der());
            case "PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(
                    "Expected an RSA public key but got a private key ('" + key.label() + "'); "
                            + "use the public key (BEGIN PUBLIC KEY)");
            default -> throw new IllegalArgumentException(
                    "Expected an RSA public key but got a PEM block labelled '" + key.label() + "'");
        };
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The RSA public key is not a valid X.509 or PKCS#1 RSA key", e);
        }
    }

    private static PrivateKey rsaPrivateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The RSA private key is not a valid PKCS#1 or PKCS#8 RSA key", e);
        }
    }

    private static byte[] pkcs1PrivateToPkcs8(byte[] rsaPrivateKey) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        content.writeBytes(derElement(0x04, rsaPrivateKey));
        return derElement(0x30, content.toByteArray());
    }

    private static byte[] pkcs1PublicToSubjectPublicKeyInfo(byte[] rsaPublicKey) {
        byte[] bitString = new byte[rsaPublicKey.length + 1];
        System.arraycopy(rsaPublicKey, 0, bitString, 1, rsaPublicKey.length);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        content.writeBytes(derElement(0x03, bitString));
        return derElement(0x30, content.toByteArray());
    }

    private static byte[] derElement(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write((length >>> shift) & 0xff);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** A PEM block's label ("" for bare base64) and its DER bytes. */
    private record Armored(String label, byte[] der) {

        static Armored parse(String text, String kind) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("The RSA " + kind + " key is empty");
            }
            Matcher pem = PEM.matcher(text);
            String label = pem.find() ? pem.group(1) : "";
            String body = label.isEmpty() ? text : pem.group(2);
            if (label.isEmpty() && text.contains("-----")) {
                throw new IllegalArgumentException("The RSA " + kind + " key has a malformed PEM header or footer");
            }
            try {
                return new Armored(label, Base64.getMimeDecoder().decode(body.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The RSA " + kind + " key is not valid base64");
            }
        }
    }
}
