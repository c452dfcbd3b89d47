package org.orderbridge.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 (hex) of a value: what a tombstone keeps instead of the shop's domain and id. */
final class ShopKeys {

    private ShopKeys() {}

    /** The key of a shop domain, compared case-insensitively as Shopify's domains are. */
    static String ofDomain(String shopDomain) {
        return sha256(shopDomain.toLowerCase(Locale.ROOT));
    }

    static String ofShopId(long shopId) {
        return sha256("shop-id:" + shopId);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
