package org.orderbridge.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.platform.MessageTracing;
import org.orderbridge.platform.QueueUrls;
import org.orderbridge.shop.ErasedShops;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

@Tag("unit")
class DeadLettersTest {

    private final SqsAsyncClient sqs = mock(SqsAsyncClient.class);
    private final List<SendMessageRequest> sent = new ArrayList<>();
    private final DeadLetters deadLetters;

    @SuppressWarnings("unchecked")
    DeadLettersTest() {
        given(sqs.sendMessage(any(Consumer.class))).willAnswer(invocation -> {
            var request = SendMessageRequest.builder();
            ((Consumer<SendMessageRequest.Builder>) invocation.getArgument(0)).accept(request);
            sent.add(request.build());
            return CompletableFuture.completedFuture(
                    SendMessageResponse.builder().build());
        });
        var urls = new QueueUrls(sqs);
        deadLetters = new DeadLetters(
                sqs, urls, new DeadLetterQueues(sqs, urls, List.of(), new ErasedShopLetters(mock(ErasedShops.class))));
    }

    @Test
    void deadLetterKeepsTheMessagesTraceContextBesideTheReason() throws Exception {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "shopify-topic",
                MessageTracing.attribute("orders/create"),
                MessageTracing.TRACEPARENT,
                MessageTracing.attribute("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

        deadLetters.send("http://dlq", "{}", attributes, "unreadable");

        assertThat(sent.getFirst().messageAttributes())
                .containsKeys("shopify-topic", MessageTracing.TRACEPARENT, DeadLetters.REASON);
    }

    @Test
    void withoutRoomForTheReasonTheTraceContextGoesBeforeTheMessagesOwnAttributes() throws Exception {
        var attributes = new HashMap<String, MessageAttributeValue>();
        for (int i = 0; i < 8; i++) {
            attributes.put("own-" + i, MessageTracing.attribute("v"));
        }
        attributes.put(
                MessageTracing.TRACEPARENT,
                MessageTracing.attribute("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        attributes.put("tracestate", MessageTracing.attribute("vendor=1"));

        deadLetters.send("http://dlq", "{}", attributes, "unreadable");

        Map<String, MessageAttributeValue> kept = sent.getFirst().messageAttributes();
        assertThat(kept)
                .hasSize(MessageTracing.MAX_ATTRIBUTES)
                .containsKey(DeadLetters.REASON)
                .containsKey(MessageTracing.TRACEPARENT)
                .doesNotContainKey("tracestate");
        assertThat(kept.keySet().stream().filter(k -> k.startsWith("own-"))).hasSize(8);
    }
}
