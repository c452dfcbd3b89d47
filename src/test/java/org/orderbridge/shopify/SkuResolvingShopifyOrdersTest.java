package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SkuResolvingShopifyOrdersTest {

    private static final String SHOP = "sku.myshopify.com";

    private final List<OrderDraft> created = new ArrayList<>();
    private final List<CreateOrderOptions> options = new ArrayList<>();

    @Test
    void createsTheOrderWithItsSkusResolvedWithinWhatIsLeftOfTheTimeBudget() {
        var orders = orders((shop, skus, first, deadline) ->
                new VariantLookup.Page(List.of(new VariantLookup.Variant("MUG-1", 11, 1)), false));
        Runnable beforeCreate = () -> {};

        PushOutcome outcome =
                orders.createOrder(draft(SHOP), new CreateOrderOptions(Duration.ofSeconds(30), true, beforeCreate));

        assertThat(outcome).isInstanceOf(PushOutcome.Created.class);
        assertThat(created.getFirst().lines().getFirst().variantId()).isEqualTo(11L);
        assertThat(options.getFirst().timeBudget()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(options.getFirst().createMayHaveReachedShopify()).isTrue();
        assertThat(options.getFirst().beforeCreate()).isSameAs(beforeCreate);
    }

    @Test
    void createsNothingWhenASkuIsUnresolved() {
        var orders = orders((shop, skus, first, deadline) -> new VariantLookup.Page(List.of(), false));

        PushOutcome outcome = orders.createOrder(draft(SHOP));

        assertThat(outcome)
                .isEqualTo(new PushOutcome.UnresolvedSku("line 1 (SKU MUG-1): no variant of the shop has this SKU"));
        assertThat(created).isEmpty();
    }

    @Test
    void rejectsTheOrderWhenShopifyRefusesTheSearch() {
        var orders = orders((shop, skus, first, deadline) -> {
            throw new PermanentShopifyFailure("FIND_VARIANTS_BY_SKU refused: Access denied for productVariants field");
        });

        PushOutcome outcome = orders.createOrder(draft(SHOP));

        assertThat(outcome).isInstanceOf(PushOutcome.Rejected.class);
        assertThat(((PushOutcome.Rejected) outcome).reason())
                .contains("read_products")
                .contains("Access denied");
        assertThat(created).isEmpty();
    }

    @Test
    void leavesAnUnknownShopsDraftToTheClientWithoutSearching() {
        var orders = orders((shop, skus, first, deadline) -> {
            throw new AssertionError("searched");
        });

        assertThat(orders.createOrder(draft("unknown.myshopify.com"))).isInstanceOf(PushOutcome.Rejected.class);
    }

    private ShopifyOrders orders(VariantLookup lookup) {
        var resolver = new SkuResolver(
                lookup,
                new SkuLineProperties(false, Map.of(), new SkuLineProperties.Cache(100, Duration.ofMinutes(1))),
                System::nanoTime);
        return new SkuResolvingShopifyOrders(new RecordingOrders(), resolver);
    }

    private static OrderDraft draft(String shop) {
        return new OrderDraft(
                shop,
                UUID.randomUUID(),
                null,
                null,
                null,
                null,
                null,
                null,
                "EUR",
                List.of(new OrderDraft.Line("MUG-1", null, "Mug", 1, new BigDecimal("9.90"), null, null)),
                null,
                null);
    }

    private final class RecordingOrders implements ShopifyOrders {

        @Override
        public PushOutcome createOrder(OrderDraft draft) {
            return createOrder(draft, CreateOrderOptions.unbounded());
        }

        @Override
        public PushOutcome createOrder(OrderDraft draft, CreateOrderOptions with) {
            if (!knowsShop(draft.shopDomain())) {
                return new PushOutcome.Rejected("No access token configured for shop " + draft.shopDomain());
            }
            created.add(draft);
            options.add(with);
            return new PushOutcome.Created("gid://shopify/Order/1", 1, "#1001");
        }

        @Override
        public boolean orderExists(String shopDomain, long shopifyOrderId) {
            return false;
        }

        @Override
        public boolean knowsShop(String shopDomain) {
            return shopDomain.equals(SHOP);
        }

        @Override
        public Duration longestRequest() {
            return Duration.ofSeconds(12);
        }
    }
}
