package org.orderbridge.infra.stacks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orderbridge.infra.DatabaseMode;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateActionProperty;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateLogConfigurationProperty;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateStopConditionProperty;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate.ExperimentTemplateTargetProperty;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.ssm.CfnDocument;
import software.constructs.Construct;

/**
 * The reliability suite's failover, crash and SQS-outage scenarios (docs/reliability.md) as AWS FIS experiment
 * templates against a deployed non-production environment, run with bench/drill.py sending load and checking that
 * nothing acknowledged was lost. Each template stops on the alarms that mean the drill is hurting more than the
 * scenario should (a message dead-lettered, the ALB itself answering 5xx, webhooks not consumed), and logs to one
 * log group.
 */
public final class ResilienceDrillStack extends Stack {

    /** The observability alarms that stop every experiment; their construct ids in {@link ObservabilityStack}. */
    public static final Set<String> STOP_ALARMS =
            Set.of("WebhooksDlqNotEmpty", "PushDlqNotEmpty", "Alb5xx", "WebhooksOldestMessage");
    /** How long SQS stays out of the service's reach: longer than the 3 s enqueue deadline many times over. */
    public static final String SQS_OUTAGE = "PT3M";
    /** The name of the inline policy the SQS outage puts on the task role, and removes again. */
    public static final String DENY_POLICY_NAME = "resilience-drill-deny-sqs";

    public record Props(
            String namePrefix,
            DataStack.Database database,
            ServiceStack service,
            MessagingStack.QueuePair webhooks,
            MessagingStack.QueuePair push,
            List<Alarm> alarms) {}

    private final Role role;
    private final Map<String, CfnExperimentTemplate> experiments = new LinkedHashMap<>();

    public ResilienceDrillStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        LogGroup logs = LogGroup.Builder.create(this, "ExperimentLogs")
                .logGroupName("/aws/fis/" + props.namePrefix())
                .retention(RetentionDays.ONE_MONTH)
                .build();
        role = Role.Builder.create(this, "ExperimentRole")
                .assumedBy(new ServicePrincipal("fis.amazonaws.com"))
                .description("AWS FIS experiments of the " + props.namePrefix() + " resilience drill")
                .build();
        allowLogDelivery();
        List<ExperimentTemplateStopConditionProperty> stopConditions = stopConditions(props.alarms());
        ExperimentTemplateLogConfigurationProperty logging = ExperimentTemplateLogConfigurationProperty.builder()
                .logSchemaVersion(2)
                .cloudWatchLogsConfiguration(Map.of("LogGroupArn", logs.getLogGroupArn() + ":*"))
                .build();

        databaseFailover(props, stopConditions, logging);
        stopTask(props, stopConditions, logging);
        sqsOutage(props, stopConditions, logging);
    }

    /**
     * Aurora promotes its reader (aws:rds:failover-db-cluster); RDS Multi-AZ switches to its standby on a reboot with
     * failover (aws:rds:reboot-db-instances, forceFailover). https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html#rds-actions-reference
     */
    private void databaseFailover(Props props, List<ExperimentTemplateStopConditionProperty> stopConditions,
            ExperimentTemplateLogConfigurationProperty logging) {
        boolean aurora = props.database().mode() == DatabaseMode.AURORA;
        String arn = formatArn(ArnComponents.builder()
                .service("rds")
                .resource(aurora ? "cluster" : "db")
                .resourceName(props.database().identifier())
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        allow("DatabaseFailover", aurora
                ? List.of("rds:FailoverDBCluster", "rds:DescribeDBClusters")
                : List.of("rds:RebootDBInstance", "rds:DescribeDBInstances"), List.of(arn));
        ExperimentTemplateActionProperty action = aurora
                ? action("aws:rds:failover-db-cluster", "Promote the Aurora reader to writer", Map.of(),
                        Map.of("Clusters", "database"))
                : action("aws:rds:reboot-db-instances", "Reboot the Multi-AZ instance onto its standby",
                        Map.of("forceFailover", "true"), Map.of("DBInstances", "database"));
        experiment("DatabaseFailover", "Database failover (" + props.database().mode().id() + ")", stopConditions,
                logging, Map.of("database", ExperimentTemplateTargetProperty.builder()
                        .resourceType(aurora ? "aws:rds:cluster" : "aws:rds:db")
                        .resourceArns(List.of(arn))
                        .selectionMode("ALL")
                        .build()),
                Map.of("failover", action));
    }

    /** One task of the service stopped as a crash would end it; ECS replaces it, the other task carries the load. */
    private void stopTask(Props props, List<ExperimentTemplateStopConditionProperty> stopConditions,
            ExperimentTemplateLogConfigurationProperty logging) {
        String clusterName = props.service().cluster().getClusterName();
        String clusterArn = props.service().cluster().getClusterArn();
        String tasks = formatArn(ArnComponents.builder()
                .service("ecs")
                .resource("task")
                .resourceName(clusterName + "/*")
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
        allow("StopTask", List.of("ecs:StopTask", "ecs:DescribeTasks"), List.of(tasks));
        // ListTasks takes no resource ARN; the condition keeps it to the service's cluster.
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("ListServiceTasks")
                .effect(Effect.ALLOW)
                .actions(List.of("ecs:ListTasks"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", clusterArn)))
                .build());
        experiment("StopTask", "One OrderBridge task stopped", stopConditions, logging,
                Map.of("task", ExperimentTemplateTargetProperty.builder()
                        .resourceType("aws:ecs:task")
                        .parameters(Map.of("cluster", clusterName, "service", props.service().service().getServiceName()))
                        .selectionMode("COUNT(1)")
                        .build()),
                Map.of("stop", action("aws:ecs:stop-task", "Stop one task of the service", Map.of(),
                        Map.of("Tasks", "task"))));
    }

    /**
     * SQS out of the service's reach, and nothing else: an SSM Automation puts an explicit deny of every SQS action on
     * the four queues on the task role, holds it, and removes it, also when the experiment is stopped ({@code onCancel}
     * runs the removal). Chosen over the alternatives because they do not isolate SQS on Fargate:
     * aws:network:disrupt-connectivity blocks a subnet's traffic by scope (all, availability-zone, dynamodb, s3,
     * prefix-list) and SQS has neither a scope nor a managed prefix list, while the tasks reach SQS and Shopify alike
     * on 443 through the NAT (https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html#network-actions-reference);
     * the task network faults (aws:ecs:task-network-blackhole-port, -packet-loss) need an SSM agent sidecar and
     * {@code enableFaultInjection} in the task definition, block by port (all HTTPS) or by addresses resolved once from
     * a name whose addresses SQS rotates (https://docs.aws.amazon.com/fis/latest/userguide/ecs-task-actions.html).
     * An explicit deny applies to the task's current credentials within seconds and answers every SQS call with
     * AccessDenied, as a queue the service cannot use would.
     */
    private void sqsOutage(Props props, List<ExperimentTemplateStopConditionProperty> stopConditions,
            ExperimentTemplateLogConfigurationProperty logging) {
        IRole taskRole = props.service().service().getTaskDefinition().getTaskRole();
        List<String> queues = List.of(
                props.webhooks().queue().getQueueArn(), props.webhooks().deadLetterQueue().getQueueArn(),
                props.push().queue().getQueueArn(), props.push().deadLetterQueue().getQueueArn());
        Role automationRole = Role.Builder.create(this, "SqsOutageAutomationRole")
                .assumedBy(new ServicePrincipal("ssm.amazonaws.com"))
                .description("Puts and removes the drill's SQS deny on the OrderBridge task role")
                .inlinePolicies(Map.of("TaskRoleDeny", PolicyDocument.Builder.create()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .effect(Effect.ALLOW)
                                .actions(List.of("iam:PutRolePolicy", "iam:DeleteRolePolicy"))
                                .resources(List.of(taskRole.getRoleArn()))
                                .build()))
                        .build()))
                .build();
        String documentName = props.namePrefix() + "-drill-sqs-outage";
        CfnDocument.Builder.create(this, "SqsOutageDocument")
                .name(documentName)
                .documentType("Automation")
                .documentFormat("JSON")
                .content(SqsOutageRunbook.content(taskRole.getRoleName(), queues))
                .build();
        allow("StartSqsOutage", List.of("ssm:StartAutomationExecution"), List.of(formatArn(ArnComponents.builder()
                .service("ssm").resource("automation-definition").resourceName(documentName + ":*")
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())));
        allow("FollowSqsOutage", List.of("ssm:GetAutomationExecution", "ssm:StopAutomationExecution"),
                List.of(formatArn(ArnComponents.builder()
                        .service("ssm").resource("automation-execution").resourceName("*")
                        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())));
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("PassAutomationRole")
                .effect(Effect.ALLOW)
                .actions(List.of("iam:PassRole"))
                .resources(List.of(automationRole.getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ssm.amazonaws.com")))
                .build());
        String documentArn = formatArn(ArnComponents.builder()
                .service("ssm").resource("document").resourceName(documentName)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
        experiment("SqsOutage", "SQS denied to the service for " + SQS_OUTAGE, stopConditions, logging, Map.of(),
                Map.of("denySqs", action("aws:ssm:start-automation-execution",
                        "Deny SQS to the task role, hold, remove the deny",
                        Map.of(
                                "documentArn", documentArn,
                                "documentParameters", SqsOutageRunbook.parameters(automationRole.getRoleArn()),
                                "maxDuration", "PT10M"),
                        Map.of())));
    }

    /**
     * Log delivery to CloudWatch Logs is set up by FIS with these calls, which take no resource ARN
     * (https://docs.aws.amazon.com/fis/latest/userguide/monitoring-logging.html).
     */
    private void allowLogDelivery() {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("ExperimentLogDelivery")
                .effect(Effect.ALLOW)
                .actions(List.of("logs:CreateLogDelivery", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
                        "logs:DescribeLogGroups"))
                .resources(List.of("*"))
                .build());
    }

    private void allow(String sid, List<String> actions, List<String> resources) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources)
                .build());
    }

    private static List<ExperimentTemplateStopConditionProperty> stopConditions(List<Alarm> alarms) {
        List<ExperimentTemplateStopConditionProperty> conditions = alarms.stream()
                .filter(alarm -> STOP_ALARMS.contains(alarm.getNode().getId()))
                .map(alarm -> ExperimentTemplateStopConditionProperty.builder()
                        .source("aws:cloudwatch:alarm")
                        .value(alarm.getAlarmArn())
                        .build())
                .toList();
        if (conditions.size() != STOP_ALARMS.size()) {
            throw new IllegalArgumentException("the drill stops on " + STOP_ALARMS + ", found " + conditions.size());
        }
        return conditions;
    }

    private static ExperimentTemplateActionProperty action(String actionId, String description,
            Map<String, String> parameters, Map<String, String> targets) {
        return ExperimentTemplateActionProperty.builder()
                .actionId(actionId)
                .description(description)
                .parameters(parameters)
                .targets(targets)
                .build();
    }

    private void experiment(String id, String description, List<ExperimentTemplateStopConditionProperty> stopConditions,
            ExperimentTemplateLogConfigurationProperty logging, Map<String, ExperimentTemplateTargetProperty> targets,
            Map<String, ExperimentTemplateActionProperty> actions) {
        CfnExperimentTemplate template = CfnExperimentTemplate.Builder.create(this, id)
                .description(description)
                .roleArn(role.getRoleArn())
                .stopConditions(stopConditions)
                .targets(targets)
                .actions(actions)
                .logConfiguration(logging)
                .tags(Map.of("Name", id))
                .build();
        experiments.put(id, template);
        CfnOutput.Builder.create(this, id + "TemplateId")
                .description("aws fis start-experiment --experiment-template-id <this>: " + description)
                .value(template.getAttrId())
                .build();
    }

    /** The experiment template ids, for the drill's runbook: {@code aws fis start-experiment --experiment-template-id}. */
    public Map<String, CfnExperimentTemplate> experiments() {
        return Map.copyOf(experiments);
    }

    public Role role() {
        return role;
    }
}
