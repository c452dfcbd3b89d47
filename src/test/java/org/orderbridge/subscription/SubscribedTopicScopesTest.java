package org.orderbridge.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.ShopifyFeature;
import org.orderbridge.shopify.simulator.AdminSchema;

/**
 * Each subscribed topic's scopes, as its {@code WebhookSubscriptionTopic} description in Shopify's schema states them
 * ("Requires at least one of the following scopes: …"), against the scopes the app asks for.
 */
@Tag("unit")
class SubscribedTopicScopesTest {

    private static final Pattern REQUIRES =
            Pattern.compile("Requires at least one of the following\\s+scopes:\\s*([a-z_,\\s]+)");

    @Test
    void everySubscribedTopicNeedsOnlyScopesTheAppAsksFor() {
        var topics = (GraphQLEnumType) AdminSchema.get().getType("WebhookSubscriptionTopic");
        SortedSet<String> asked = ShopifyFeature.allScopes();

        for (String topic : SubscribedTopics.forShop(true)) {
            String description =
                    topics.getValue(SubscribedTopics.graphqlName(topic)).getDescription();
            Matcher requires = REQUIRES.matcher(description == null ? "" : description);
            List<String> anyOf =
                    requires.find() ? Arrays.asList(requires.group(1).trim().split("[,\\s]+")) : List.of();
            boolean covered = anyOf.isEmpty() || anyOf.stream().anyMatch(scope -> granted(scope, asked));
            assertThat(covered)
                    .as("%s needs one of %s; the app asks for %s", topic, anyOf, asked)
                    .isTrue();
        }
    }

    private static boolean granted(String scope, Set<String> asked) {
        return asked.contains(scope)
                || scope.startsWith("read_") && asked.contains("write_" + scope.substring("read_".length()));
    }
}
