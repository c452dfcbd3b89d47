package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SkuResolverTest {

    private static final String SHOP = "sku.myshopify.com";
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Deadline DEADLINE = Deadline.after(Duration.ofSeconds(30));

    private final Catalogue catalogue = new Catalogue();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void resolvesEverySkuOnlyLineWithOneSearchForTheDraftsSkus() {
        catalogue.add("MUG-1", 11, 1).add("PEN-1", 21, 2);
        OrderDraft draft = draft(skuLine("MUG-1"), variantLine("SHIRT-1", 99), skuLine("PEN-1"), skuLine("MUG-1"));

        OrderDraft resolved = resolved(resolver(false).resolve(draft, DEADLINE));

        assertThat(resolved.lines()).extracting(OrderDraft.Line::variantId).containsExactly(11L, 99L, 21L, 11L);
        assertThat(resolved.lines())
                .extracting(OrderDraft.Line::sku)
                .containsExactly("MUG-1", "SHIRT-1", "PEN-1", "MUG-1");
        assertThat(catalogue.searches).containsExactly(List.of("MUG-1", "PEN-1"));
        assertThat(catalogue.pageSizes).containsExactly(2 * 2 + 8);
    }

    @Test
    void searchesAHundredSkusAtOnce() {
        OrderDraft draft =
                draft(IntStream.range(0, 150).mapToObj(i -> skuLine("SKU-" + i)).toArray(OrderDraft.Line[]::new));
        IntStream.range(0, 150).forEach(i -> catalogue.add("SKU-" + i, 1000 + i, 1));

        resolved(resolver(false).resolve(draft, DEADLINE));

        assertThat(catalogue.searches).extracting(List::size).containsExactly(100, 50);
    }

    @Test
    void answersFromTheCacheUntilItsTimeToLiveIsOver() {
        catalogue.add("MUG-1", 11, 1);
        SkuResolver resolver = resolver(false);

        resolver.resolve(draft(skuLine("MUG-1")), DEADLINE);
        nanos.addAndGet(TTL.minusSeconds(1).toNanos());
        OrderDraft cached = resolved(resolver.resolve(draft(skuLine("MUG-1")), DEADLINE));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        resolver.resolve(draft(skuLine("MUG-1")), DEADLINE);

        assertThat(cached.lines().getFirst().variantId()).isEqualTo(11L);
        assertThat(catalogue.searches).hasSize(2);
    }

    @Test
    void forgetsWhatAnUpdatedProductMayHaveChanged() {
        catalogue.add("MUG-1", 11, 1).add("PEN-1", 21, 2).add("CUP-1", 31, 3);
        SkuResolver resolver = resolver(true);
        resolver.resolve(draft(skuLine("MUG-1"), skuLine("PEN-1"), skuLine("CUP-1"), skuLine("NEW-1")), DEADLINE);

        // The product of MUG-1, a product now holding variant 21, and one that now has the SKU once unknown.
        resolver.productUpdated(SHOP.toUpperCase(), 1, List.of(), List.of());
        resolver.productUpdated(SHOP, 9, List.of(21L), List.of());
        resolver.productUpdated(SHOP, 8, List.of(), List.of("NEW-1"));
        resolver.productUpdated("other.myshopify.com", 3, List.of(31L), List.of("CUP-1"));
        resolver.resolve(draft(skuLine("MUG-1"), skuLine("PEN-1"), skuLine("CUP-1"), skuLine("NEW-1")), DEADLINE);

        assertThat(catalogue.searches)
                .containsExactly(List.of("MUG-1", "PEN-1", "CUP-1", "NEW-1"), List.of("MUG-1", "PEN-1", "NEW-1"));
    }

    @Test
    void namesEveryLineWhoseSkuNoVariantHas() {
        catalogue.add("MUG-1", 11, 1);

        SkuResolution resolution = resolver(false).resolve(draft(skuLine("MUG-1"), skuLine("NOPE-1")), DEADLINE);

        assertThat(resolution)
                .isEqualTo(new SkuResolution.Unresolved("line 2 (SKU NOPE-1): no variant of the shop has this SKU"));
    }

    @Test
    void searchesAgainForAnUnknownSkuThatParkedTheOrder() {
        SkuResolver resolver = resolver(false);

        resolver.resolve(draft(skuLine("NEW-1")), DEADLINE);
        catalogue.add("NEW-1", 41, 4);
        OrderDraft repushed = resolved(resolver.resolve(draft(skuLine("NEW-1")), DEADLINE));

        assertThat(repushed.lines().getFirst().variantId()).isEqualTo(41L);
        assertThat(catalogue.searches).hasSize(2);
    }

    @Test
    void namesTheSkuThatSeveralVariantsHaveEvenWhereCustomItemsAreAllowed() {
        catalogue.add("MUG-1", 11, 1).add("MUG-1", 12, 2);

        SkuResolution resolution = resolver(true).resolve(draft(skuLine("MUG-1")), DEADLINE);

        assertThat(resolution)
                .isEqualTo(new SkuResolution.Unresolved("line 1 (SKU MUG-1): 2 variants have this SKU (11, 12)"));
    }

    @Test
    void keepsALineOfAnUnknownSkuAsCustomItemWhereTheShopAllowsIt() {
        catalogue.add("MUG-1", 11, 1);
        OrderDraft draft = draft(skuLine("MUG-1"), skuLine("GIFT-WRAP"));

        OrderDraft resolved = resolved(resolver(true).resolve(draft, DEADLINE));

        assertThat(resolved.lines().get(0).variantId()).isEqualTo(11L);
        assertThat(resolved.lines().get(1)).isEqualTo(draft.lines().get(1));
    }

    @Test
    void allowsCustomItemsOnlyInTheShopsConfiguredSo() {
        var properties =
                new SkuLineProperties(false, Map.of(SHOP.toUpperCase(), true), new SkuLineProperties.Cache(100, TTL));

        assertThat(properties.customItemsAllowed(SHOP)).isTrue();
        assertThat(properties.customItemsAllowed("other.myshopify.com")).isFalse();
    }

    @Test
    void countsOnlyVariantsWhoseSkuIsExactlyTheLines() {
        catalogue.add("MUG-10", 11, 1).add("mug-1", 12, 2);

        SkuResolution resolution = resolver(false).resolve(draft(skuLine("MUG-1")), DEADLINE);

        assertThat(resolution).isInstanceOf(SkuResolution.Unresolved.class);
    }

    @Test
    void searchesAgainInHalvesWhenAPageOverflows() {
        catalogue.add("A", 1, 1).add("B", 2, 2).add("C", 3, 3);
        // Shopify's search matches more than the exact SKU: 13 variants whose SKU starts with A.
        IntStream.range(0, 13).forEach(i -> catalogue.add("A" + i, 100 + i, 9));
        catalogue.fuzzy = true;

        OrderDraft resolved =
                resolved(resolver(false).resolve(draft(skuLine("A"), skuLine("B"), skuLine("C")), DEADLINE));

        assertThat(resolved.lines()).extracting(OrderDraft.Line::variantId).containsExactly(1L, 2L, 3L);
        assertThat(catalogue.searches)
                .containsExactly(List.of("A", "B", "C"), List.of("A"), List.of("A"), List.of("B", "C"));
        assertThat(catalogue.pageSizes).containsExactly(14, 10, VariantLookup.MAX_PAGE, 12);
    }

    @Test
    void leavesDraftsWithoutSkuOnlyLinesAlone() {
        OrderDraft draft = draft(variantLine("MUG-1", 11));

        assertThat(resolver(false).resolve(draft, DEADLINE)).isEqualTo(new SkuResolution.Resolved(draft));
        assertThat(catalogue.searches).isEmpty();
    }

    private SkuResolver resolver(boolean customItemsAllowed) {
        return new SkuResolver(
                catalogue,
                new SkuLineProperties(customItemsAllowed, Map.of(), new SkuLineProperties.Cache(1000, TTL)),
                nanos::get);
    }

    private static OrderDraft resolved(SkuResolution resolution) {
        assertThat(resolution).isInstanceOf(SkuResolution.Resolved.class);
        return ((SkuResolution.Resolved) resolution).draft();
    }

    private static OrderDraft.Line skuLine(String sku) {
        return new OrderDraft.Line(sku, null, "Item " + sku, 1, new BigDecimal("9.90"), null, null);
    }

    private static OrderDraft.Line variantLine(String sku, long variantId) {
        return new OrderDraft.Line(sku, variantId, "Item " + sku, 1, new BigDecimal("9.90"), null, null);
    }

    private static OrderDraft draft(OrderDraft.Line... lines) {
        return new OrderDraft(
                SHOP, UUID.randomUUID(), null, null, null, null, null, null, "EUR", Arrays.asList(lines), null, null);
    }

    /** A shop's catalogue searched as Shopify might: exactly, or (fuzzy) every SKU starting with the one searched. */
    private static final class Catalogue implements VariantLookup {
        private final List<Variant> variants = new ArrayList<>();
        private final List<List<String>> searches = new ArrayList<>();
        private final List<Integer> pageSizes = new ArrayList<>();
        private boolean fuzzy;

        Catalogue add(String sku, long variantId, long productId) {
            variants.add(new Variant(sku, variantId, productId));
            return this;
        }

        @Override
        public Page find(String shop, List<String> skus, int first, Deadline deadline) {
            assertThat(shop).isEqualTo(SHOP);
            searches.add(List.copyOf(skus));
            pageSizes.add(first);
            List<Variant> matches = variants.stream()
                    .filter(v -> skus.stream()
                            .anyMatch(sku ->
                                    fuzzy ? v.sku().startsWith(sku) : v.sku().equalsIgnoreCase(sku)))
                    .toList();
            return new Page(matches.subList(0, Math.min(first, matches.size())), matches.size() > first);
        }
    }
}
