package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class WebhookTopicTest {

    private static final Set<WebhookTopic> ORDER_TOPICS = EnumSet.of(
            WebhookTopic.ORDERS_CREATE,
            WebhookTopic.ORDERS_UPDATED,
            WebhookTopic.ORDERS_PAID,
            WebhookTopic.ORDERS_CANCELLED,
            WebhookTopic.ORDERS_FULFILLED,
            WebhookTopic.ORDERS_PARTIALLY_FULFILLED);

    @ParameterizedTest
    @EnumSource(WebhookTopic.class)
    void findsEverySubscribedTopicByShopifysName(WebhookTopic topic) {
        assertThat(WebhookTopic.of(topic.topic())).contains(topic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORDERS/CREATE", "orders/create ", "orders_create", "products/delete", ""})
    void knowsNoTopicUnderAnyOtherName(String name) {
        assertThat(WebhookTopic.of(name)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(WebhookTopic.class)
    void readsAnOrderFromOrderTopicsOnly(WebhookTopic topic) {
        assertThat(topic.carriesOrder()).isEqualTo(ORDER_TOPICS.contains(topic));
    }
}
