package org.orderbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shopify's webhook signature: base64(HMAC-SHA256(raw body, app secret)). Checked on the bytes as received,
 * before anything parses them, against every configured secret so that a rotation loses no delivery.
 */
final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final List<Mac> prototypes;

    WebhookSignature(List<String> secrets) {
        this.prototypes = secrets.stream().map(WebhookSignature::mac).toList();
    }

    boolean matches(byte[] body, String presented) {
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(presented.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean matched = false;
        for (Mac prototype : prototypes) {
            // Every secret is tried, so that timing does not reveal which one matched.
            matched |= MessageDigest.isEqual(copyOf(prototype).doFinal(body), expected);
        }
        return matched;
    }

    static String sign(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(mac(secret).doFinal(body));
    }

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A keyed Mac is not thread-safe; a clone of the initialised prototype is cheaper than a new init. */
    private static Mac copyOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
