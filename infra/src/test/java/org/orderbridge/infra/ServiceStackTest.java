package org.orderbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ServiceStackTest {

    private static final Set<String> SECRET_VARIABLES = Set.of(
            "DATABASE_USERNAME", "DATABASE_PASSWORD", "SHOPIFY_WEBHOOK_SECRETS", "SHOPIFY_ACCESS_TOKENS", "API_KEYS");

    private final Template template = TestApps.template(TestApps.staging().service());

    @Test
    void targetGroupChecksReadinessAndDrainsWithinTheStopTimeout() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
                "HealthCheckPath", "/actuator/health/readiness",
                "HealthCheckIntervalSeconds", 10,
                "HealthCheckTimeoutSeconds", Match.anyValue(),
                "HealthyThresholdCount", 2,
                "UnhealthyThresholdCount", 3,
                "Matcher", Map.of("HttpCode", "200"),
                "TargetGroupAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "30")))));
        var group = (Map<?, ?>) template.findResources("AWS::ElasticLoadBalancingV2::TargetGroup")
                .values().iterator().next().get("Properties");
        assertTrue(((Number) group.get("HealthCheckTimeoutSeconds")).intValue() < 10, "timeout must be below the interval");
        // Spring drains for up to 25 s after SIGTERM; ECS must wait longer than that before SIGKILL.
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "orderbridge", "StopTimeout", 40))))));
    }

    @Test
    void httpsListenerUsesTheCertificateAndHttpRedirects() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 443,
                "Protocol", "HTTPS",
                "Certificates", List.of(Map.of("CertificateArn", TestApps.CERTIFICATE_ARN))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80,
                "Protocol", "HTTP",
                "DefaultActions", List.of(Map.of("Type", "redirect", "RedirectConfig", Map.of(
                        "Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Conditions", Match.arrayWith(List.of(Match.objectLike(Map.of("Field", "path-pattern")))),
                "Actions", List.of(Match.objectLike(Map.of("Type", "fixed-response")))));
    }

    @Test
    void atLeastTwoTasksSpreadOverThreePrivateSubnets() {
        Capture subnets = new Capture();
        template.hasResourceProperties("AWS::ECS::Service", Map.of(
                "DesiredCount", 2,
                "LaunchType", "FARGATE",
                "AvailabilityZoneRebalancing", "ENABLED",
                "DeploymentConfiguration", Match.objectLike(Map.of(
                        "MinimumHealthyPercent", 100,
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))),
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Map.of(
                        "AssignPublicIp", "DISABLED",
                        "SecurityGroups", Match.anyValue(),
                        "Subnets", subnets))));
        List<Object> ids = subnets.asArray();
        assertEquals(3, ids.size());
        assertTrue(ids.stream().allMatch(s -> s.toString().contains("privateSubnet")), "tasks not in private subnets: " + ids);
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 2));
    }

    @Test
    void credentialsAreEcsSecretsNeverPlainEnvironment() {
        Capture env = new Capture();
        Capture secrets = new Capture();
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "orderbridge", "Environment", env, "Secrets", secrets))))));
        Map<String, Object> plain = env.asArray().stream().map(e -> (Map<?, ?>) e)
                .collect(Collectors.toMap(e -> (String) e.get("Name"), e -> e.get("Value")));
        Set<String> secretNames = secrets.asArray().stream().map(e -> (String) ((Map<?, ?>) e).get("Name"))
                .collect(Collectors.toSet());

        assertEquals(SECRET_VARIABLES, secretNames);
        for (String name : plain.keySet()) {
            assertFalse(SECRET_VARIABLES.contains(name), name + " is a plain environment variable");
            assertFalse(name.matches(".*(PASSWORD|SECRET|TOKEN|KEY).*"), name + " looks like a secret");
        }
        assertTrue(plain.get("DATABASE_URL").toString().contains("targetServerType=primary"));
        assertEquals("aws", plain.get("SPRING_PROFILES_ACTIVE"));
        assertTrue(plain.keySet().containsAll(Set.of(
                "AWS_REGION", "WEBHOOK_QUEUE", "WEBHOOK_DLQ", "PUSH_QUEUE", "PUSH_DLQ", "SHOPIFY_API_VERSION")));
        assertFalse(plain.containsKey("SQS_ENDPOINT"), "SQS_ENDPOINT is for emulators only");
        assertFalse(plain.containsKey("JAVA_TOOL_OPTIONS"), "the image owns JVM flags");
    }

    @Test
    void databaseCredentialsComeFromTheAppUsersSecretNotTheMasters() {
        Capture env = new Capture();
        Capture secrets = new Capture();
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "orderbridge", "Environment", env, "Secrets", secrets))))));
        Map<String, Object> fromSecrets = secrets.asArray().stream().map(e -> (Map<?, ?>) e)
                .collect(Collectors.toMap(e -> (String) e.get("Name"), e -> e.get("ValueFrom")));
        Map<String, Object> appUserSecretArn = Map.of("Fn::ImportValue", appUserSecretExport());

        // Both from the same secret: alternating-users rotation changes the username along with the password.
        assertEquals(Map.of("Fn::Join", List.of("", List.of(appUserSecretArn, ":username::"))),
                fromSecrets.get("DATABASE_USERNAME"));
        assertEquals(Map.of("Fn::Join", List.of("", List.of(appUserSecretArn, ":password::"))),
                fromSecrets.get("DATABASE_PASSWORD"));
        // Only the ARN is plain, for re-reading the credentials after a rotation.
        Map<?, ?> arn = env.asArray().stream().map(e -> (Map<?, ?>) e)
                .filter(e -> "DATABASE_CREDENTIALS_ARN".equals(e.get("Name"))).findFirst().orElseThrow();
        assertEquals(appUserSecretArn, arn.get("Value"));
        Map<?, ?> owner = env.asArray().stream().map(e -> (Map<?, ?>) e)
                .filter(e -> "DATABASE_OBJECT_OWNER".equals(e.get("Name"))).findFirst().orElseThrow();
        assertEquals("orderbridge_app", owner.get("Value"));
    }

    @Test
    void executionRoleReadsOnlyTheServiceSecrets() {
        String executionRole = roleOf("ExecutionRoleArn");
        List<Map<?, ?>> secretStatements = statementsOf(executionRole).stream()
                .filter(s -> actions(s).stream().anyMatch(a -> a.toString().startsWith("secretsmanager:")))
                .toList();
        assertEquals(2, secretStatements.size(), "expected the database app user's and the app secret only");
        for (Map<?, ?> statement : secretStatements) {
            Object resource = statement.get("Resource");
            assertTrue(resource.equals(Map.of("Fn::ImportValue", appUserSecretExport()))
                            || resource.toString().contains("orderbridge/staging/app-??????"),
                    "unexpected secret (the master's?): " + resource);
        }
    }

    /** The Data stack's export of the app user's secret ARN (the attachment, which carries host and port). */
    private static String appUserSecretExport() {
        Template data = TestApps.template(TestApps.staging().data());
        String attachment = DataStackTest.attachmentOf(data, DataStackTest.appUserSecret(data));
        var exports = ((Map<?, ?>) data.toJSON().get("Outputs")).values().stream()
                .map(o -> (Map<?, ?>) o)
                .filter(o -> Map.of("Ref", attachment).equals(o.get("Value")))
                .map(o -> (String) ((Map<?, ?>) o.get("Export")).get("Name"))
                .toList();
        assertEquals(1, exports.size(), "exports of " + attachment + ": " + exports);
        return exports.get(0);
    }

    @Test
    void scalesOnCpuAndOnBacklogPerTask() {
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization")))));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "CustomizedMetricSpecification", Map.of("Metrics", Match.arrayWith(List.of(
                                // arrayWith is order-sensitive: the task count is queried before the expression.
                                Match.objectLike(Map.of("MetricStat", Match.objectLike(Map.of(
                                        "Metric", Match.objectLike(Map.of("MetricName", "RunningTaskCount")))))),
                                Match.objectLike(Map.of(
                                        "Expression", Match.stringLikeRegexp("/ IF\\(tasks > 0, tasks, 1\\)"),
                                        "ReturnData", true)))))))));
    }

    private String roleOf(String property) {
        Capture role = new Capture();
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(property, Map.of("Fn::GetAtt", List.of(role, "Arn"))));
        return role.asString();
    }

    private List<Map<?, ?>> statementsOf(String role) {
        return template.findResources("AWS::IAM::Policy", Map.of("Properties", Map.of(
                        "Roles", List.of(Map.of("Ref", role))))).values().stream()
                .flatMap(p -> ((List<?>) ((Map<?, ?>) ((Map<?, ?>) p.get("Properties")).get("PolicyDocument"))
                        .get("Statement")).stream())
                .<Map<?, ?>>map(s -> (Map<?, ?>) s)
                .toList();
    }

    private static List<?> actions(Map<?, ?> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? list : List.of(action);
    }

    @Test
    void webhookSubscriptionsPointAtThePublicUrl() {
        Map<String, Object> env = plainEnvironment(TestApps.synth(Map.of("publicUrl", "https://orders.example.com")));

        assertEquals("https://orders.example.com/webhooks/shopify", env.get("SHOPIFY_WEBHOOK_CALLBACK_URL"));
        assertEquals("https://orders.example.com", env.get("API_PUBLIC_URL"));
        assertFalse(env.containsKey("SHOPIFY_EVENTBRIDGE_SOURCE_ARN"));
        assertFalse(env.containsKey("WEBHOOK_SUBSCRIPTIONS_ENABLED"));
    }

    @Test
    void webhookSubscriptionsPointAtTheEventBridgeSourceWhenShopifyDeliversThere() {
        Map<String, Object> env = plainEnvironment(TestApps.synth(Map.of(
                "publicUrl", "https://orders.example.com",
                "shopifyEventSourceName", "aws.partner/shopify.com/1234/orderbridge")));

        assertEquals("arn:aws:events:eu-west-1::event-source/aws.partner/shopify.com/1234/orderbridge",
                env.get("SHOPIFY_EVENTBRIDGE_SOURCE_ARN"));
        // The service refuses both targets at once.
        assertFalse(env.containsKey("SHOPIFY_WEBHOOK_CALLBACK_URL"));
    }

    @Test
    void webhookSubscriptionUpkeepIsOffWithNothingToPointAt() {
        Map<String, Object> env = plainEnvironment(TestApps.staging());

        assertEquals("false", env.get("WEBHOOK_SUBSCRIPTIONS_ENABLED"));
        assertFalse(env.containsKey("SHOPIFY_WEBHOOK_CALLBACK_URL"));
    }

    private static Map<String, Object> plainEnvironment(OrderBridgeApp.Stacks stacks) {
        Capture env = new Capture();
        TestApps.template(stacks.service()).hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "orderbridge", "Environment", env))))));
        return env.asArray().stream().map(e -> (Map<?, ?>) e)
                .collect(Collectors.toMap(e -> (String) e.get("Name"), e -> e.get("Value")));
    }

    @Test
    void traceCollectorRunsBesideTheServiceWhichSendsItsSpansThere() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Name", "otel-collector",
                        "Image", Match.stringLikeRegexp("^public\\.ecr\\.aws/aws-observability/aws-otel-collector:v[0-9.]+$"),
                        // Losing the collector costs traces, not the task.
                        "Essential", false,
                        "Environment", List.of(Map.of(
                                "Name", "AOT_CONFIG_CONTENT",
                                "Value", Match.stringLikeRegexp("endpoint: 127\\.0\\.0\\.1:4318[\\s\\S]*exporters: \\[awsxray\\]"))),
                        "LogConfiguration", Match.objectLike(Map.of("LogDriver", "awslogs"))))))));
        assertEquals("http://localhost:4318/v1/traces",
                plainEnvironment(TestApps.staging()).get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
    }

    @Test
    void databaseConnectionVerifiesTheServersCertificateAndName() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "orderbridge", "Environment", Match.arrayWith(List.of(
                        Map.of("Name", "DATABASE_SSL_MODE", "Value", "verify-full")))))))));
    }

    @Test
    void withIamDatabaseAuthenticationTheTaskRoleMayConnectAsEitherLogin() {
        Template iam = TestApps.template(TestApps.synth(Map.of("databaseIamAuthentication", "true")).service());
        iam.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Map.of(
                        "Effect", "Allow",
                        "Action", "rds-db:connect",
                        "Resource", List.of(connectArn("orderbridge_app"), connectArn("orderbridge_app_clone"))))))));
        iam.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Name", "orderbridge",
                        "Environment", Match.arrayWith(List.of(Map.of("Name", "DATABASE_IAM_AUTH", "Value", "true")))))))));
        // Off by default: the service logs in with the rotating password.
        template.resourcePropertiesCountIs("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "rds-db:connect")))))), 0);
        template.resourcePropertiesCountIs("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", Match.arrayWith(List.of(Match.objectLike(Map.of("Environment", Match.arrayWith(
                        List.of(Match.objectLike(Map.of("Name", "DATABASE_IAM_AUTH"))))))))), 0);
    }

    private static Object connectArn(String user) {
        return Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                Match.stringLikeRegexp(":rds-db:"), Map.of("Fn::ImportValue", Match.stringLikeRegexp("ClusterResourceId")),
                "/" + user))));
    }

    @Test
    void webAclOnTheLoadBalancerRunsTheManagedRulesAndRateLimitsWebhooksAndApi() {
        template.hasResourceProperties("AWS::WAFv2::WebACL", Map.of(
                "Scope", "REGIONAL",
                "DefaultAction", Map.of("Allow", Map.of()),
                "Rules", Match.arrayWith(List.of(
                        Match.objectLike(Map.of(
                                "Name", "AWSManagedRulesCommonRuleSet",
                                "OverrideAction", Map.of("None", Map.of()),
                                "Statement", Map.of("ManagedRuleGroupStatement", Match.objectLike(Map.of(
                                        "VendorName", "AWS",
                                        "Name", "AWSManagedRulesCommonRuleSet",
                                        // Webhook bodies reach 5 MB; the rule set would block anything over 8 KB.
                                        "RuleActionOverrides", List.of(Map.of(
                                                "Name", "SizeRestrictions_BODY",
                                                "ActionToUse", Map.of("Count", Map.of())))))))),
                        Match.objectLike(Map.of(
                                "Name", "AWSManagedRulesKnownBadInputsRuleSet",
                                "Statement", Map.of("ManagedRuleGroupStatement", Match.objectLike(Map.of(
                                        "VendorName", "AWS", "Name", "AWSManagedRulesKnownBadInputsRuleSet"))))),
                        Match.objectLike(Map.of(
                                "Name", "RateLimitWebhooksAndApi",
                                "Action", Map.of("Block", Map.of("CustomResponse", Map.of("ResponseCode", 429))),
                                "Statement", Map.of("RateBasedStatement", Match.objectLike(Map.of(
                                        "AggregateKeyType", "IP",
                                        "Limit", 20000,
                                        "ScopeDownStatement", Map.of("OrStatement", Map.of("Statements", List.of(
                                                startsWith("/webhooks"), startsWith("/api")))))))))))));
        template.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of(
                "ResourceArn", Map.of("Ref", Match.stringLikeRegexp("Alb")),
                "WebACLArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("WebAcl"), "Arn"))));
    }

    @Test
    void loadBalancerAccessLogsGoToAnEncryptedPrivateBucketThatExpiresThem() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of(
                "LoadBalancerAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "access_logs.s3.enabled", "Value", "true"),
                        Map.of("Key", "access_logs.s3.bucket", "Value", Map.of("Ref", Match.stringLikeRegexp("AccessLogs")))))));
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of(
                        "BlockPublicAcls", true,
                        "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true,
                        "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Status", "Enabled", "ExpirationInDays", 30)))))));
        // Only TLS requests to the bucket.
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    private static Object startsWith(String prefix) {
        return Map.of("ByteMatchStatement", Match.objectLike(Map.of(
                "FieldToMatch", Map.of("UriPath", Map.of()),
                "PositionalConstraint", "STARTS_WITH",
                "SearchString", prefix)));
    }
}
