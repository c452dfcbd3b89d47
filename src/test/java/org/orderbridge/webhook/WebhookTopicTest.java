package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class WebhookTopicTest {

    @ParameterizedTest
    @EnumSource(WebhookTopic.class)
    void findsEverySubscribedTopicByShopifysName(WebhookTopic topic) {
        assertThat(WebhookTopic.of(topic.topic())).contains(topic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORDERS/CREATE", "orders/create ", "orders_create", "products/update", ""})
    void knowsNoTopicUnderAnyOtherName(String name) {
        assertThat(WebhookTopic.of(name)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = WebhookTopic.class,
            names = {
                "ORDERS_CREATE",
                "ORDERS_UPDATED",
                "ORDERS_PAID",
                "ORDERS_CANCELLED",
                "ORDERS_FULFILLED",
                "ORDERS_PARTIALLY_FULFILLED"
            })
    void readsAnOrderFromOrderTopics(WebhookTopic topic) {
        assertThat(topic.carriesOrder()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = WebhookTopic.class,
            names = {
                "ORDERS_CREATE",
                "ORDERS_UPDATED",
                "ORDERS_PAID",
                "ORDERS_CANCELLED",
                "ORDERS_FULFILLED",
                "ORDERS_PARTIALLY_FULFILLED"
            },
            mode = EnumSource.Mode.EXCLUDE)
    void readsNoOrderFromDeletionsFulfillmentsAndComplianceTopics(WebhookTopic topic) {
        assertThat(topic.carriesOrder()).isFalse();
    }
}
