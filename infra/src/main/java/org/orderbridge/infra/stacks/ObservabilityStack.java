package org.orderbridge.infra.stacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orderbridge.infra.DatabaseMode;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/** Alarms for what breaks an order pipeline: stuck or poisoned messages, 5xx, lost targets, DB failover. */
public final class ObservabilityStack extends Stack {

    public record Props(
            String namePrefix,
            Optional<String> alarmEmail,
            MessagingStack.QueuePair webhooks,
            MessagingStack.QueuePair push,
            ServiceStack service,
            DataStack.Database database) {}

    private static final Duration PERIOD = Duration.minutes(1);

    private final Topic alarmTopic;
    private final List<Alarm> alarms = new ArrayList<>();

    public ObservabilityStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        alarmTopic = Topic.Builder.create(this, "AlarmTopic").displayName(props.namePrefix() + " alarms").build();
        props.alarmEmail().ifPresent(email -> alarmTopic.addSubscription(new EmailSubscription(email)));

        queueAlarms("Webhooks", props.webhooks(), Duration.minutes(5));
        queueAlarms("Push", props.push(), Duration.minutes(15));

        var alb = props.service().loadBalancer().getMetrics();
        var targets = props.service().targetGroup().getMetrics();
        alarm("Alb5xx", alb.httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sum()), 10, 3,
                "ALB returned 5xx (no healthy target, or targets timing out)");
        alarm("Target5xx", alb.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum()), 10, 3,
                "OrderBridge returned 5xx");
        alarm("UnhealthyHosts", targets.unhealthyHostCount(max()), 1, 3,
                "A task fails /actuator/health/readiness");

        var service = props.service().service();
        alarm("Cpu", service.metricCpuUtilization(avg()), 85, 5, "Service CPU above 85%");
        alarm("Memory", service.metricMemoryUtilization(avg()), 85, 5, "Service memory above 85%");

        failoverAlarm(props.database());
        complianceAlarm(props.service());
        dataRequestsOverdueAlarm(props.service());
        reconciliationDriftAlarm(props.service());
        shopifyApiVersionAlarms(props.service());
        dashboard(props);
    }

    private void queueAlarms(String name, MessagingStack.QueuePair pair, Duration maxAge) {
        // Any message here exhausted its retries; it needs a human and must not sit unnoticed for 14 days.
        alarm(name + "DlqNotEmpty", pair.deadLetterQueue().metricApproximateNumberOfMessagesVisible(max()), 1, 1,
                pair.deadLetterQueue().getQueueName() + " is not empty");
        alarm(name + "OldestMessage", pair.queue().metricApproximateAgeOfOldestMessage(max()),
                maxAge.toSeconds().doubleValue(), 3, "Oldest message in " + pair.queue().getQueueName() + " older than "
                        + maxAge.toSeconds() + " s: consumers stalled or too few tasks");
    }

    /**
     * RDS publishes failovers as events, not metrics; a rule forwards them to the alarm topic, and an alarm on
     * the rule's TriggeredRules keeps the failover visible on the dashboard and in the alarm list.
     */
    private void failoverAlarm(DataStack.Database database) {
        boolean aurora = database.mode() == DatabaseMode.AURORA;
        Rule rule = Rule.Builder.create(this, "DatabaseFailoverRule")
                .description("RDS failover events for the OrderBridge database")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.rds"))
                        .detailType(List.of(aurora ? "RDS DB Cluster Event" : "RDS DB Instance Event"))
                        .detail(Map.of(
                                "EventCategories", List.of("failover"),
                                "SourceIdentifier", List.of(database.identifier())))
                        .build())
                .targets(List.of(new SnsTopic(alarmTopic)))
                .build();
        Metric triggered = Metric.Builder.create()
                .namespace("AWS/Events")
                .metricName("TriggeredRules")
                .dimensionsMap(Map.of("RuleName", rule.getRuleName()))
                .statistic("Sum")
                .period(PERIOD)
                .build();
        alarm("DatabaseFailover", triggered, 1, 1, "Database failover event for " + database.mode().id());
    }

    /**
     * A shop/redact that the service did not apply because the app is still installed waits for an operator
     * (GET /api/v1/admin/compliance/parked); Shopify expects the erasure within 30 days. The service logs one
     * line per parked request, which a metric filter counts.
     */
    private void complianceAlarm(ServiceStack service) {
        MetricFilter parked = MetricFilter.Builder.create(this, "ComplianceParkedFilter")
                .logGroup(service.logGroup())
                .filterPattern(FilterPattern.literal("\"Parked shop/redact\""))
                .metricNamespace("OrderBridge")
                .metricName("ComplianceParked")
                .metricValue("1")
                .defaultValue(0)
                .build();
        alarm("ComplianceParked", parked.metric(sum()), 1, 1,
                "A shop/redact waits for an operator: GET /api/v1/admin/compliance/parked");
    }

    /**
     * A customers/data_request export is kept for the operator, who must hand it to the merchant within Shopify's 30
     * days (GET /api/v1/admin/compliance/data-requests). Each instance logs the number overdue once an hour while there
     * are any, so the alarm looks at hours: it stays in alarm until the requests are marked delivered.
     */
    private void dataRequestsOverdueAlarm(ServiceStack service) {
        logLineAlarm(service, "DataRequestsOverdue", "Overdue data requests", Duration.hours(1), 2, 1,
                "A customer's data request is past its 30 days: hand its export to the merchant and mark it delivered "
                        + "(GET /api/v1/admin/compliance/data-requests)");
    }

    /**
     * Reconciliation logs one line per order whose webhooks never arrived. One such order now and then is a webhook
     * Shopify gave up on; drift in every pass for 15 minutes means deliveries are failing (subscription gone, endpoint
     * refusing, queue lost), so the alarm waits for three 5-minute periods (passes run every 5 minutes) in a row.
     */
    private void reconciliationDriftAlarm(ServiceStack service) {
        logLineAlarm(service, "ReconciliationDrift", "Reconciliation found a missed order", Duration.minutes(5), 3, 3,
                "Reconciliation keeps finding orders whose webhooks never arrived: check the webhook subscriptions and "
                        + "deliveries (orderbridge.reconciliation.orders by shop)");
    }

    /**
     * Shopify answers a request that uses something deprecated with X-Shopify-API-Deprecated-Reason, and a request for a
     * version it no longer serves with another X-Shopify-API-Version; the service logs each once per shop and operation
     * (per shop for the version) and task. Either means the next quarterly version upgrade (docs/shopify.md) is due
     * before Shopify drops what the service still uses.
     */
    private void shopifyApiVersionAlarms(ServiceStack service) {
        logLineAlarm(service, "ShopifyDeprecatedUse", "Shopify reports deprecated use in", Duration.hours(1), 1, 1,
                "A Shopify Admin call uses something deprecated (the log line names the operation, the shop and Shopify's "
                        + "reason): change it before the pinned API version is retired (docs/shopify.md, API versions)");
        logLineAlarm(service, "ShopifyApiVersionMismatch", "not the pinned", Duration.hours(1), 1, 1,
                "Shopify served another API version than orderbridge.shopify.api-version: the pinned version is no longer "
                        + "supported; upgrade it (docs/shopify.md, API versions)");
    }

    /** An alarm on the count of a line the service logs, summed per period, in namespace OrderBridge. */
    private void logLineAlarm(ServiceStack service, String name, String line, Duration period, int evaluationPeriods,
            int datapointsToAlarm, String description) {
        MetricFilter filter = MetricFilter.Builder.create(this, name + "Filter")
                .logGroup(service.logGroup())
                .filterPattern(FilterPattern.literal("\"" + line + "\""))
                .metricNamespace("OrderBridge")
                .metricName(name)
                .metricValue("1")
                .defaultValue(0)
                .build();
        Alarm alarm = Alarm.Builder.create(this, name)
                .metric(filter.metric(MetricOptions.builder()
                        .statistic("Sum")
                        .period(period)
                        .build()))
                .threshold(1)
                .evaluationPeriods(evaluationPeriods)
                .datapointsToAlarm(datapointsToAlarm)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(new SnsAction(alarmTopic));
        alarm.addOkAction(new SnsAction(alarmTopic));
        alarms.add(alarm);
    }

    private void alarm(String id, IMetric metric, double threshold, int periods, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(new SnsAction(alarmTopic));
        alarm.addOkAction(new SnsAction(alarmTopic));
        alarms.add(alarm);
    }

    private void dashboard(Props props) {
        var alb = props.service().loadBalancer().getMetrics();
        var targets = props.service().targetGroup().getMetrics();
        var service = props.service().service();
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard").dashboardName(props.namePrefix()).build();
        dashboard.addWidgets(
                graph("Queue depth", List.of(
                        props.webhooks().queue().metricApproximateNumberOfMessagesVisible(max()),
                        props.push().queue().metricApproximateNumberOfMessagesVisible(max()),
                        props.webhooks().deadLetterQueue().metricApproximateNumberOfMessagesVisible(max()),
                        props.push().deadLetterQueue().metricApproximateNumberOfMessagesVisible(max()))),
                graph("Oldest message age (s)", List.of(
                        props.webhooks().queue().metricApproximateAgeOfOldestMessage(max()),
                        props.push().queue().metricApproximateAgeOfOldestMessage(max()))));
        dashboard.addWidgets(
                graph("ALB requests and 5xx", List.of(
                        alb.requestCount(sum()),
                        alb.httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sum()),
                        alb.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum()))),
                graph("Targets", List.of(targets.healthyHostCount(max()), targets.unhealthyHostCount(max()))));
        dashboard.addWidgets(
                graph("Service CPU / memory %", List.of(
                        service.metricCpuUtilization(avg()), service.metricMemoryUtilization(avg()))),
                graph("Database connections", List.of(Metric.Builder.create()
                        .namespace("AWS/RDS")
                        .metricName("DatabaseConnections")
                        .dimensionsMap(Map.of(props.database().mode() == DatabaseMode.AURORA
                                ? "DBClusterIdentifier" : "DBInstanceIdentifier", props.database().identifier()))
                        .period(PERIOD)
                        .statistic("Average")
                        .build())));
        dashboard.addWidgets(AlarmStatusWidget.Builder.create()
                .title("Alarms")
                .alarms(List.copyOf(alarms))
                .width(24)
                .build());
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
    }

    private static MetricOptions max() {
        return MetricOptions.builder().statistic("Maximum").period(PERIOD).build();
    }

    private static MetricOptions avg() {
        return MetricOptions.builder().statistic("Average").period(PERIOD).build();
    }

    public Topic alarmTopic() {
        return alarmTopic;
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }
}
