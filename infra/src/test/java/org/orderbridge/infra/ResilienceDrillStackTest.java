package org.orderbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ResilienceDrillStackTest {

    private final OrderBridgeApp.Stacks stacks = TestApps.staging();
    private final Template template = TestApps.template(stacks.drill().orElseThrow());

    private static Map<String, Object> experiment(String actionName, Map<String, Object> action) {
        return Map.of("Actions", Map.of(actionName, Match.objectLike(action)));
    }

    @Test
    void auroraFailoverPromotesTheReaderOfTheServicesCluster() {
        template.hasResourceProperties("AWS::FIS::ExperimentTemplate", Map.of(
                "Actions", Map.of("failover", Match.objectLike(Map.of(
                        "ActionId", "aws:rds:failover-db-cluster",
                        "Targets", Map.of("Clusters", "database")))),
                "Targets", Map.of("database", Match.objectLike(Map.of(
                        "ResourceType", "aws:rds:cluster",
                        "SelectionMode", "ALL",
                        "ResourceArns", List.of(Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(
                                Map.of("Fn::ImportValue", Match.stringLikeRegexp("Cluster")))))))))))));
    }

    @Test
    void multiAzFailoverRebootsTheInstanceOntoItsStandby() {
        Template multiAz = TestApps.template(TestApps.synth(Map.of("database", "multi-az")).drill().orElseThrow());
        multiAz.hasResourceProperties("AWS::FIS::ExperimentTemplate", Map.of(
                "Actions", Map.of("failover", Match.objectLike(Map.of(
                        "ActionId", "aws:rds:reboot-db-instances",
                        "Parameters", Map.of("forceFailover", "true"),
                        "Targets", Map.of("DBInstances", "database")))),
                "Targets", Map.of("database", Match.objectLike(Map.of("ResourceType", "aws:rds:db")))));
        multiAz.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "DatabaseFailover",
                        "Action", List.of("rds:RebootDBInstance", "rds:DescribeDBInstances"))))))));
    }

    @Test
    void stopTaskStopsOneTaskOfTheService() {
        template.hasResourceProperties("AWS::FIS::ExperimentTemplate", Map.of(
                "Actions", Map.of("stop", Match.objectLike(Map.of(
                        "ActionId", "aws:ecs:stop-task",
                        "Targets", Map.of("Tasks", "task")))),
                "Targets", Map.of("task", Match.objectLike(Map.of(
                        "ResourceType", "aws:ecs:task",
                        "SelectionMode", "COUNT(1)",
                        "Parameters", Map.of(
                                "cluster", Map.of("Fn::ImportValue", Match.stringLikeRegexp("Cluster")),
                                "service", Map.of("Fn::ImportValue", Match.stringLikeRegexp("Service"))))))));
    }

    @Test
    void sqsOutageDeniesTheFourQueuesToTheTaskRoleAndAlwaysRemovesTheDeny() {
        template.hasResourceProperties("AWS::FIS::ExperimentTemplate", experiment("denySqs", Map.of(
                "ActionId", "aws:ssm:start-automation-execution",
                "Parameters", Match.objectLike(Map.of("maxDuration", "PT10M")))));
        Map<String, Map<String, Object>> documents = template.findResources("AWS::SSM::Document");
        assertEquals(1, documents.size());
        String content = String.valueOf(((Map<?, ?>) documents.values().iterator().next().get("Properties")).get("Content"));
        assertTrue(content.contains("PutRolePolicy") && content.contains("DeleteRolePolicy"), content);
        assertTrue(content.contains("\"Effect\":\"Deny\"") && content.contains("sqs:*"), content);
        for (String queue : List.of("WebhooksQueue", "WebhooksDlq", "PushQueue", "PushDlq")) {
            assertTrue(content.contains(queue), queue + " not denied: " + content);
        }
        // Failing or cancelled (a stopped experiment), each step before the removal goes on to it.
        assertEquals(4, content.split("step:RemoveSqsDeny", -1).length - 1, content);
        // The automation may change the task role's inline policies and nothing else.
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "ssm.amazonaws.com")))))),
                "Policies", List.of(Map.of("PolicyName", "TaskRoleDeny", "PolicyDocument", Match.objectLike(Map.of(
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Action", List.of("iam:PutRolePolicy", "iam:DeleteRolePolicy"),
                                "Resource", Map.of("Fn::ImportValue", Match.stringLikeRegexp("TaskTaskRole"))))))))));
    }

    @Test
    void everyExperimentStopsOnTheServicesAlarmsAndLogsToItsLogGroup() {
        Map<String, Map<String, Object>> experiments = template.findResources("AWS::FIS::ExperimentTemplate");
        assertEquals(3, experiments.size());
        for (Map<String, Object> experiment : experiments.values()) {
            Map<?, ?> properties = (Map<?, ?>) experiment.get("Properties");
            List<?> stopConditions = (List<?>) properties.get("StopConditions");
            Set<String> alarms = new TreeSet<>();
            for (Object condition : stopConditions) {
                assertEquals("aws:cloudwatch:alarm", ((Map<?, ?>) condition).get("Source"));
                alarms.add(String.valueOf(((Map<?, ?>) condition).get("Value")));
            }
            assertEquals(4, alarms.size(), alarms.toString());
            for (String alarm : List.of("WebhooksDlqNotEmpty", "PushDlqNotEmpty", "Alb5xx", "WebhooksOldestMessage")) {
                assertTrue(alarms.stream().anyMatch(value -> value.contains("Observability") && value.contains(alarm)),
                        alarm + " is not a stop condition: " + alarms);
            }
            Map<?, ?> logging = (Map<?, ?>) properties.get("LogConfiguration");
            assertEquals(2, logging.get("LogSchemaVersion"));
            assertTrue(String.valueOf(logging.get("CloudWatchLogsConfiguration")).contains("ExperimentLogs"), logging.toString());
        }
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/aws/fis/staging-orderbridge"));
    }

    @Test
    void experimentRoleMayTouchOnlyTheServicesResources() {
        List<Map<?, ?>> statements = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").values().forEach(policy -> statements.addAll((List<Map<?, ?>>)
                ((Map<?, ?>) ((Map<?, ?>) policy.get("Properties")).get("PolicyDocument")).get("Statement")));
        Set<String> sids = new TreeSet<>();
        for (Map<?, ?> statement : statements) {
            String sid = String.valueOf(statement.get("Sid"));
            sids.add(sid);
            assertEquals("Allow", statement.get("Effect"));
            List<?> actions = statement.get("Action") instanceof List<?> list ? list : List.of(statement.get("Action"));
            actions.forEach(action -> assertFalse(String.valueOf(action).endsWith("*"), sid + ": " + action));
            if ("*".equals(statement.get("Resource"))) {
                // Log delivery takes no resource ARN; ListTasks is kept to the cluster by its condition.
                assertTrue(sid.equals("ExperimentLogDelivery") || sid.equals("ListServiceTasks") && statement.containsKey("Condition"),
                        "unscoped: " + statement);
            }
        }
        assertEquals(Set.of("DatabaseFailover", "ExperimentLogDelivery", "FollowSqsOutage", "ListServiceTasks",
                "PassAutomationRole", "StartSqsOutage", "StopTask"), sids);
        Object clusterTasks = Map.of("Fn::Join", Match.arrayWith(List.of(
                Match.arrayWith(List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("Cluster")))))));
        Object stopTask = Match.objectLike(Map.of(
                "Sid", "StopTask", "Action", List.of("ecs:StopTask", "ecs:DescribeTasks"), "Resource", clusterTasks));
        template.hasResourceProperties("AWS::IAM::Policy",
                Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(stopTask)))));
        Object fis = Match.objectLike(Map.of("Principal", Map.of("Service", "fis.amazonaws.com")));
        template.hasResourceProperties("AWS::IAM::Role",
                Map.of("AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(fis)))));
        Object passOnlyToSsm = Match.objectLike(Map.of(
                "Sid", "PassAutomationRole",
                "Action", "iam:PassRole",
                "Condition", Map.of("StringEquals", Map.of("iam:PassedToService", "ssm.amazonaws.com"))));
        template.hasResourceProperties("AWS::IAM::Policy",
                Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(passOnlyToSsm)))));
    }

    @Test
    void productionHasNoDrill() {
        OrderBridgeApp.Stacks production = TestApps.synth(Map.of("env", "production"));
        assertTrue(production.drill().isEmpty());
        for (var stack : List.of(production.network(), production.data(), production.messaging(), production.service(),
                production.observability())) {
            TestApps.template(stack).resourceCountIs("AWS::FIS::ExperimentTemplate", 0);
        }
    }
}
