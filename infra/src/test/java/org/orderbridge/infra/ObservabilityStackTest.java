package org.orderbridge.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ObservabilityStackTest {

    private final Template template = TestApps.template(TestApps.staging().observability());

    private void hasAlarm(String metricName, Object dimensions, Number threshold) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", metricName,
                "Dimensions", dimensions,
                "Threshold", threshold,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmTopic")))));
    }

    private static Object queue(String exportFragment) {
        return List.of(Map.of("Name", "QueueName",
                "Value", Map.of("Fn::ImportValue", Match.stringLikeRegexp(exportFragment + ".*QueueName"))));
    }

    @Test
    void deadLetterQueuesAlarmOnTheFirstMessage() {
        hasAlarm("ApproximateNumberOfMessagesVisible", queue("WebhooksDlq"), 1);
        hasAlarm("ApproximateNumberOfMessagesVisible", queue("PushDlq"), 1);
    }

    @Test
    void oldestMessageAgeIsWatchedOnBothWorkQueues() {
        hasAlarm("ApproximateAgeOfOldestMessage", queue("WebhooksQueue"), 300);
        hasAlarm("ApproximateAgeOfOldestMessage", queue("PushQueue"), 900);
    }

    @Test
    void loadBalancerErrorsAndUnhealthyTargetsAlarm() {
        hasAlarm("HTTPCode_ELB_5XX_Count", Match.anyValue(), 10);
        hasAlarm("HTTPCode_Target_5XX_Count", Match.anyValue(), 10);
        hasAlarm("UnHealthyHostCount", Match.anyValue(), 1);
    }

    @Test
    void parkedShopRedactAlarmsFromTheServiceLogs() {
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                "FilterPattern", Match.stringLikeRegexp("Parked shop/redact"),
                "MetricTransformations", List.of(Match.objectLike(Map.of(
                        "MetricNamespace", "OrderBridge", "MetricName", "ComplianceParked")))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ComplianceParked",
                "Namespace", "OrderBridge",
                "Threshold", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmTopic")))));
    }

    @Test
    void overdueDataRequestsAlarmFromTheServiceLogsHourByHour() {
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                "FilterPattern", Match.stringLikeRegexp("Overdue data requests"),
                "MetricTransformations", List.of(Match.objectLike(Map.of(
                        "MetricNamespace", "OrderBridge", "MetricName", "DataRequestsOverdue", "DefaultValue", 0)))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "DataRequestsOverdue",
                "Namespace", "OrderBridge",
                "Statistic", "Sum",
                "Period", 3600,
                "Threshold", 1,
                "EvaluationPeriods", 2,
                "DatapointsToAlarm", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmTopic")))));
    }

    @Test
    void reconciliationDriftAlarmsWhenEveryPassForFifteenMinutesFindsMissedOrders() {
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                "FilterPattern", Match.stringLikeRegexp("Reconciliation found a missed order"),
                "MetricTransformations", List.of(Match.objectLike(Map.of(
                        "MetricNamespace", "OrderBridge", "MetricName", "ReconciliationDrift", "DefaultValue", 0)))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ReconciliationDrift",
                "Namespace", "OrderBridge",
                "Statistic", "Sum",
                "Period", 300,
                "Threshold", 1,
                "EvaluationPeriods", 3,
                "DatapointsToAlarm", 3,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "TreatMissingData", "notBreaching",
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmTopic")))));
    }

    @Test
    void deprecatedShopifyUseAndAnUnpinnedVersionAlarmFromTheServiceLogs() {
        for (var alarm : Map.of(
                "ShopifyDeprecatedUse", "Shopify reports deprecated use in",
                "ShopifyApiVersionMismatch", "not the pinned").entrySet()) {
            template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                    "FilterPattern", Match.stringLikeRegexp(alarm.getValue()),
                    "MetricTransformations", List.of(Match.objectLike(Map.of(
                            "MetricNamespace", "OrderBridge", "MetricName", alarm.getKey(), "DefaultValue", 0)))));
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "MetricName", alarm.getKey(),
                    "Namespace", "OrderBridge",
                    "Statistic", "Sum",
                    "Period", 3600,
                    "Threshold", 1,
                    "EvaluationPeriods", 1,
                    "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                    "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmTopic")))));
        }
    }

    @Test
    void serviceCpuAndMemoryAlarm() {
        hasAlarm("CPUUtilization", Match.anyValue(), 85);
        hasAlarm("MemoryUtilization", Match.anyValue(), 85);
    }

    @Test
    void databaseFailoverEventsReachTheAlarmTopic() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "EventPattern", Map.of(
                        "source", List.of("aws.rds"),
                        "detail-type", List.of("RDS DB Cluster Event"),
                        "detail", Map.of(
                                "EventCategories", List.of("failover"),
                                "SourceIdentifier", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("Cluster"))))),
                "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", Match.stringLikeRegexp("AlarmTopic")))))));
        hasAlarm("TriggeredRules", Match.anyValue(), 1);
    }

    @Test
    void multiAzWatchesInstanceFailovers() {
        Template multiAz = TestApps.template(TestApps.synth(Map.of("database", "multi-az")).observability());
        multiAz.hasResourceProperties("AWS::Events::Rule", Map.of(
                "EventPattern", Match.objectLike(Map.of("detail-type", List.of("RDS DB Instance Event")))));
    }

    @Test
    void dashboardExists() {
        assertFalse(template.findResources("AWS::CloudWatch::Dashboard").isEmpty());
    }
}
