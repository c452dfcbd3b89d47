package org.orderbridge.order;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * SHA-256 of a canonical form of an order request: how a retry is told apart from a different order under
 * the same external id. Canonical means sorted keys, nulls written out (but for fields added later, which are left
 * out when absent), prices and amounts as numbers rather than text, so that "19.9" and "19.90" are the same order, and line
 * settings that say their default left out.
 */
final class ContentHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** For the commercial terms, added later: amounts written as plain text without trailing zeros, like prices. */
    private static final ObjectMapper TERMS = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
                @Override
                public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
                    generator.writeString(value.stripTrailingZeros().toPlainString());
                }
            }))
            .build();

    private ContentHash() {}

    static String of(CreateOrderRequest request) {
        var lines = request.lineItems().stream()
                .map(l -> new CreateOrderRequest.LineRequest(
                        l.sku(),
                        l.variantId(),
                        l.title(),
                        l.quantity(),
                        new BigDecimal(l.unitPrice()).stripTrailingZeros().toPlainString(),
                        omittedWhenDefault(l.requiresShipping()),
                        omittedWhenDefault(l.taxable())))
                .toList();
        var canonical = new CreateOrderRequest(
                request.externalId(),
                request.shop(),
                request.customer(),
                request.shippingAddress(),
                request.billingAddress(),
                lines,
                request.currency(),
                request.note(),
                request.tags());
        try {
            ObjectNode tree = CANONICAL.valueToTree(canonical);
            // Left out when absent, so that a request without them hashes as it did before they existed.
            CommercialTerms terms = request.commercialTerms();
            if (!terms.equals(CommercialTerms.NONE)) {
                tree.set("commercialTerms", TERMS.valueToTree(terms));
            }
            if (request.processedAt() != null) {
                tree.put("processedAt", request.processedAt().toString());
            }
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JacksonException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash an order request", e);
        }
    }

    /** Saying true is saying what leaving the setting out says, so both are the same order. */
    private static @Nullable Boolean omittedWhenDefault(@Nullable Boolean setting) {
        return Boolean.TRUE.equals(setting) ? null : setting;
    }
}
