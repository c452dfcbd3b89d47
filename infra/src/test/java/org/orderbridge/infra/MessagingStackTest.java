package org.orderbridge.infra;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class MessagingStackTest {

    private static final int FOURTEEN_DAYS = 14 * 24 * 3600;

    private final Template template = TestApps.template(TestApps.staging().messaging());

    private void queueRedrivesToItsDlq(String name, int visibilityTimeout, int maxReceiveCount) {
        String dlqLogicalId = template.findResources("AWS::SQS::Queue",
                Map.of("Properties", Map.of("QueueName", name + "-dlq"))).keySet().iterator().next();
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", name,
                "VisibilityTimeout", visibilityTimeout,
                "SqsManagedSseEnabled", true,
                "RedrivePolicy", Map.of(
                        "maxReceiveCount", maxReceiveCount,
                        "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(dlqLogicalId, "Arn")))));
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", name + "-dlq",
                "MessageRetentionPeriod", FOURTEEN_DAYS,
                "SqsManagedSseEnabled", true));
    }

    @Test
    void webhookQueueMatchesTheServiceSettings() {
        queueRedrivesToItsDlq("staging-orderbridge-webhooks", 60, 6);
    }

    @Test
    void pushQueueMatchesTheServiceSettings() {
        queueRedrivesToItsDlq("staging-orderbridge-push", 120, 8);
    }

    @Test
    void queuesRefuseUnencryptedTransport() {
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void noPartnerEventRuleUnlessAnEventSourceIsGiven() {
        template.resourceCountIs("AWS::Events::Rule", 0);
    }

    @Test
    void shopifyPartnerEventsAreRoutedToTheWebhookQueue() {
        String source = "aws.partner/shopify.com/1234567/orderbridge-staging";
        Template withEvents = TestApps.template(
                TestApps.synth(Map.of("shopifyEventSourceName", source)).messaging());
        withEvents.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", source, "EventSourceName", source));
        String queueId = withEvents.findResources("AWS::SQS::Queue",
                Map.of("Properties", Map.of("QueueName", "staging-orderbridge-webhooks"))).keySet().iterator().next();
        withEvents.hasResourceProperties("AWS::Events::Rule", Map.of(
                "EventPattern", Map.of("source", List.of(source)),
                "Targets", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Fn::GetAtt", List.of(queueId, "Arn"))))))));
        withEvents.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", Match.arrayWith(List.of("sqs:SendMessage")),
                        "Principal", Map.of("Service", "events.amazonaws.com"))))))));
    }
}
