package org.orderbridge.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.AdminSchema;

@Tag("unit")
class SubscribedTopicsTest {

    @Test
    void subscribesEveryTopicTheWebhookPipelineHandlesExceptTheComplianceOnes() throws Exception {
        // Read by reflection: the webhook module is not this module's dependency, and stays package-private.
        Class<?> webhookTopic = Class.forName("org.orderbridge.webhook.WebhookTopic");
        Method topic = webhookTopic.getDeclaredMethod("topic");
        Method isCompliance = webhookTopic.getDeclaredMethod("isCompliance");
        topic.setAccessible(true);
        isCompliance.setAccessible(true);
        var handled = new ArrayList<String>();
        for (Object constant : webhookTopic.getEnumConstants()) {
            if (!(boolean) isCompliance.invoke(constant)) {
                handled.add((String) topic.invoke(constant));
            }
        }

        assertThat(SubscribedTopics.forShop(true)).containsExactlyInAnyOrderElementsOf(handled);
        assertThat(SubscribedTopics.forShop(false))
                .doesNotContainAnyElementsOf(SubscribedTopics.FULFILLMENT_SERVICE_TOPICS);
    }

    @Test
    void everyTopicIsOneShopifysApiCanSubscribeAndTheComplianceTopicsAreNot() {
        List<String> subscribable = ((GraphQLEnumType) AdminSchema.get().getType("WebhookSubscriptionTopic"))
                .getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();

        assertThat(subscribable)
                .containsAll(SubscribedTopics.graphqlNames(SubscribedTopics.forShop(true)))
                .doesNotContain("CUSTOMERS_DATA_REQUEST", "CUSTOMERS_REDACT", "SHOP_REDACT");
    }
}
