package org.orderbridge.shopify.simulator;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Stock of the shops' product variants per location, and what {@code orderCreate} does with it.
 *
 * <p>Shopify's rules, as documented on shopify.dev:
 *
 * <ul>
 *   <li>"OrderCreateOptionsInput" (admin-graphql 2026-10, input object): {@code inventoryBehaviour} defaults to
 *       {@code BYPASS}.
 *   <li>"OrderCreateInputsInventoryBehavior" (enum): {@code BYPASS} "Do not claim inventory";
 *       {@code DECREMENT_IGNORING_POLICY} "Ignore the product's inventory policy and claim inventory";
 *       {@code DECREMENT_OBEYING_POLICY} "Follow the product's inventory policy and claim inventory, if possible".
 *   <li>"ProductVariantInventoryPolicy" (enum): {@code DENY} "Customers can't buy this product variant after it's out
 *       of stock", {@code CONTINUE} they can; a variant's policy defaults to {@code DENY} (ProductVariantInput).
 *   <li>"Apps in inventory management": for the variants of an order "Shopify decrements the available inventory
 *       quantity ... and increments the committed inventory quantity".
 *   <li>"OrderCreateUserErrorCode" (enum): {@code INVENTORY_CLAIM_FAILED} "the inventory claim failed during order
 *       creation".
 * </ul>
 *
 * <p>Only variants given a level here are tracked; any other variant is one whose inventory Shopify does not track
 * ("InventoryItemInput.tracked": levels can only be adjusted when tracked), so no order ever claims or refuses it.
 * A line is claimed at the first location, in the order the variant was stocked there (the shop's location
 * priority), that has the whole quantity available, else at the first location. Shopify's wording of the refusal is
 * not documented; this one names the variant, its SKU and each location with what it has available, and OrderBridge
 * must not depend on more than the code and the field path.
 */
public final class SimulatedInventory {

    /** The schema's {@code OrderCreateInputsInventoryBehavior}. */
    public static final String BYPASS = "BYPASS";

    public static final String DECREMENT_IGNORING_POLICY = "DECREMENT_IGNORING_POLICY";
    public static final String DECREMENT_OBEYING_POLICY = "DECREMENT_OBEYING_POLICY";

    /** The schema's {@code ProductVariantInventoryPolicy}. */
    public enum Policy {
        DENY,
        CONTINUE
    }

    /** One variant's stock at one location. */
    public record Level(String location, int available, int committed) {}

    private final Map<String, Variant> variants = new LinkedHashMap<>();
    // What each order claimed, by the order's GID: what a cancellation with restock puts back.
    private final Map<String, List<Claim>> claimedByOrder = new LinkedHashMap<>();

    /** Sets what a variant has available at a location; the variant is tracked from now on. */
    public synchronized void stock(String shop, long variantId, String location, int available) {
        Variant variant = variants.computeIfAbsent(key(shop, variantGid(variantId)), k -> new Variant());
        variant.levels.compute(location, (l, level) -> new Level(l, available, level == null ? 0 : level.committed()));
    }

    /** Sets whether the variant may be sold when out of stock; an untracked variant becomes tracked. */
    public synchronized void setPolicy(String shop, long variantId, Policy policy) {
        variants.computeIfAbsent(key(shop, variantGid(variantId)), k -> new Variant()).policy = policy;
    }

    /**
     * Puts the variant in the shop's catalogue, as a variant of the product with this SKU (null for none); whether it is
     * tracked is left as it was.
     */
    public synchronized void catalogue(String shop, long productId, long variantId, String sku) {
        Variant variant = variants.computeIfAbsent(key(shop, variantGid(variantId)), k -> new Variant());
        variant.productId = productId;
        variant.sku = sku;
    }

    /** The catalogued variants of the shop whose SKU passes the filter, in the order they were catalogued. */
    synchronized List<Catalogued> catalogued(String shop, Predicate<String> sku) {
        var found = new ArrayList<Catalogued>();
        variants.forEach((key, variant) -> {
            if (key.startsWith(shop + " ") && variant.sku != null && sku.test(variant.sku)) {
                found.add(new Catalogued(
                        variant.productId, Long.parseLong(key.substring(key.lastIndexOf('/') + 1)), variant.sku));
            }
        });
        return found;
    }

    /** A variant of the shop's catalogue. */
    record Catalogued(long productId, long variantId, String sku) {}

    /** The variant's levels in location priority; empty when the variant is not tracked. */
    public synchronized List<Level> levels(String shop, long variantId) {
        Variant variant = variants.get(key(shop, variantGid(variantId)));
        return variant == null ? List.of() : List.copyOf(variant.levels.values());
    }

    public synchronized Policy policy(String shop, long variantId) {
        Variant variant = variants.get(key(shop, variantGid(variantId)));
        return variant == null ? Policy.DENY : variant.policy;
    }

    /** Every tracked variant of the shop with its policy and levels, for the admin endpoint. */
    synchronized List<Map<String, Object>> list(String shop) {
        var listed = new ArrayList<Map<String, Object>>();
        variants.forEach((key, variant) -> {
            if (key.startsWith(shop + " ")) {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("variantId", key.substring(shop.length() + 1));
                entry.put("inventoryPolicy", variant.policy.name());
                if (variant.sku != null) {
                    entry.put("sku", variant.sku);
                }
                entry.put("levels", List.copyOf(variant.levels.values()));
                listed.add(entry);
            }
        });
        return listed;
    }

    /**
     * Claims the stock of an order's lines, all or nothing.
     *
     * @return the userError that refuses the order, or null when the lines were claimed (or nothing was to claim)
     */
    synchronized Map<String, Object> claim(
            String shop, String orderGid, List<Map<String, Object>> lines, String behaviour) {
        if (behaviour == null || behaviour.equals(BYPASS)) {
            return null;
        }
        // By identity: two variants' levels at one location may be equal records.
        var planned = new IdentityHashMap<Level, Integer>();
        var claims = new ArrayList<Claim>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            Variant variant = line.get("variantId") instanceof String gid ? variants.get(key(shop, gid)) : null;
            if (variant == null || variant.levels.isEmpty()) {
                continue;
            }
            int quantity = ((Number) line.get("quantity")).intValue();
            Level at = variant.levels.values().stream()
                    .filter(level -> level.available() - planned.getOrDefault(level, 0) >= quantity)
                    .findFirst()
                    .orElse(null);
            if (at == null && behaviour.equals(DECREMENT_OBEYING_POLICY) && variant.policy == Policy.DENY) {
                return outOfStock(i, line, variant, quantity, planned);
            }
            Level claimed = at == null ? variant.levels.values().iterator().next() : at;
            planned.merge(claimed, quantity, Integer::sum);
            claims.add(new Claim(variant, claimed.location(), quantity));
        }
        for (Claim claim : claims) {
            claim.variant.levels.computeIfPresent(
                    claim.location,
                    (l, level) -> new Level(l, level.available() - claim.quantity, level.committed() + claim.quantity));
        }
        claimedByOrder.put(orderGid, List.copyOf(claims));
        return null;
    }

    /**
     * Puts back what the order claimed: its committed units become available again at the locations they were claimed
     * at ("orderCancel", argument {@code restock}: "Whether to restock the inventory committed to the order",
     * https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/orderCancel). A second call puts back nothing.
     */
    synchronized void restock(String orderGid) {
        List<Claim> claims = claimedByOrder.remove(orderGid);
        if (claims == null) {
            return;
        }
        for (Claim claim : claims) {
            claim.variant.levels.computeIfPresent(
                    claim.location,
                    (l, level) -> new Level(l, level.available() + claim.quantity, level.committed() - claim.quantity));
        }
    }

    private static Map<String, Object> outOfStock(
            int index, Map<String, Object> line, Variant variant, int quantity, Map<Level, Integer> planned) {
        var locations = new ArrayList<String>();
        for (Level level : variant.levels.values()) {
            locations.add(
                    level.location() + " (" + (level.available() - planned.getOrDefault(level, 0)) + " available)");
        }
        Object sku = line.get("sku");
        String message = "Variant " + line.get("variantId") + (sku == null ? "" : " (SKU " + sku + ")")
                + " is out of stock: " + quantity + " requested at " + String.join(", ", locations);
        var error = new LinkedHashMap<String, Object>();
        error.put("field", List.of("order", "lineItems", Integer.toString(index), "quantity"));
        error.put("code", "INVENTORY_CLAIM_FAILED");
        error.put("message", message);
        return error;
    }

    private static String variantGid(long variantId) {
        return "gid://shopify/ProductVariant/" + variantId;
    }

    private static String key(String shop, String variantGid) {
        return Objects.requireNonNull(shop) + " " + variantGid;
    }

    private record Claim(Variant variant, String location, int quantity) {}

    private static final class Variant {
        private final Map<String, Level> levels = new LinkedHashMap<>();
        private Policy policy = Policy.DENY;
        private long productId;
        private String sku;
    }
}
