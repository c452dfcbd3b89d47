package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@Tag("unit")
class ShopifyConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(ShopifyConfiguration.class);

    @Test
    void bindsTokensFromTheCompactEnvironmentFormatAndNeverPrintsThem() {
        context.withPropertyValues(
                        "orderbridge.shopify.access-tokens=a.myshopify.com=shpat_one, B.myshopify.com=shpat_two",
                        "orderbridge.shopify.retry.max-attempts=3",
                        "orderbridge.shopify.budget.instance-share=0.5")
                .run(ctx -> {
                    ShopifyOrders orders = ctx.getBean(ShopifyOrders.class);
                    ShopifyProperties properties = ctx.getBean(ShopifyProperties.class);
                    assertThat(orders.knowsShop("a.myshopify.com")).isTrue();
                    assertThat(orders.knowsShop("b.myshopify.com")).isTrue();
                    assertThat(orders.knowsShop("c.myshopify.com")).isFalse();
                    assertThat(properties.retry().maxAttempts()).isEqualTo(3);
                    assertThat(properties.budget().instanceShare()).isEqualTo(0.5);
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(properties.endpointFor("a.myshopify.com"))
                            .hasToString("https://a.myshopify.com/admin/api/2026-10/graphql.json");
                    assertThat(properties.toString()).doesNotContain("shpat_one", "shpat_two");
                });
    }

    @Test
    void bindsTheInventoryBehaviourPerShopWithOrdersObeyingPoliciesByDefault() {
        context.run(ctx -> assertThat(
                        ctx.getBean(ShopifyProperties.class).inventory().behaviourFor("a.myshopify.com"))
                .isEqualTo(InventoryBehaviour.DECREMENT_OBEYING_POLICY));
        context.withPropertyValues(
                        "orderbridge.shopify.inventory.behaviour=DECREMENT_IGNORING_POLICY",
                        "orderbridge.shopify.inventory.shops[B.myshopify.com]=BYPASS")
                .run(ctx -> {
                    ShopifyProperties.Inventory inventory =
                            ctx.getBean(ShopifyProperties.class).inventory();
                    assertThat(inventory.behaviourFor("a.myshopify.com"))
                            .isEqualTo(InventoryBehaviour.DECREMENT_IGNORING_POLICY);
                    assertThat(inventory.behaviourFor("b.myshopify.com")).isEqualTo(InventoryBehaviour.BYPASS);
                });
    }

    @Test
    void refusesAnInventoryBehaviourShopifyDoesNotKnow() {
        context.withPropertyValues("orderbridge.shopify.inventory.shops[a.myshopify.com]=DECREMENT")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("DECREMENT"));
    }

    @Test
    void refusesAnAdminUrlOverrideWithoutTheShop() {
        context.withPropertyValues(
                        "orderbridge.shopify.admin-url=http://127.0.0.1:8089/admin/api/{version}/graphql.json")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("must contain {shop}"));
    }

    @Test
    void bindsTheLongestServerWaitWithADefault() {
        context.run(
                ctx -> assertThat(ctx.getBean(ShopifyProperties.class).retry().maxServerWait())
                        .isEqualTo(Duration.ofSeconds(20)));
        context.withPropertyValues("orderbridge.shopify.retry.max-server-wait=5s")
                .run(ctx -> assertThat(
                                ctx.getBean(ShopifyProperties.class).retry().maxServerWait())
                        .isEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void refusesALongestServerWaitOfZero() {
        context.withPropertyValues("orderbridge.shopify.retry.max-server-wait=0s")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("retry.maxServerWait"));
    }

    @Test
    void refusesInvalidSettings() {
        context.withPropertyValues("orderbridge.shopify.retry.max-attempts=0")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("retry.maxAttempts"));
    }
}
