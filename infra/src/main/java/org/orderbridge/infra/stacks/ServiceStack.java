package org.orderbridge.infra.stacks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.AvailabilityZoneRebalancing;
import software.amazon.awscdk.services.ecs.AwsLogDriverMode;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/** The OrderBridge container on Fargate behind an HTTPS ALB, scaled on CPU and on queue backlog per task. */
public final class ServiceStack extends Stack {

    public static final int CONTAINER_PORT = 8080;
    public static final String READINESS_PATH = "/actuator/health/readiness";
    /** Spring's graceful-shutdown phase is 25 s; ECS must not SIGKILL before it ends. */
    public static final Duration STOP_TIMEOUT = Duration.seconds(40);
    /** Longer than a typical request, shorter than the stop timeout, so the ALB drains before Spring stops. */
    public static final Duration DEREGISTRATION_DELAY = Duration.seconds(30);
    /** Keys of the app secret (JSON) created by operators; see infra/README.md. */
    public static final List<String> APP_SECRET_KEYS = List.of("SHOPIFY_WEBHOOK_SECRETS", "SHOPIFY_ACCESS_TOKENS", "API_KEYS");

    public record Props(
            IVpc vpc,
            ISecurityGroup serviceSecurityGroup,
            ISecurityGroup loadBalancerSecurityGroup,
            String namePrefix,
            String region,
            String certificateArn,
            String ecrRepository,
            String imageTag,
            String appSecretName,
            Optional<String> allowedShops,
            Optional<String> publicUrl,
            Optional<String> shopifyEventSourceName,
            int minTasks,
            int maxTasks,
            boolean databaseIamAuthentication,
            DataStack.Database database,
            MessagingStack.QueuePair webhooks,
            MessagingStack.QueuePair push) {}

    private final Cluster cluster;
    private final FargateService service;
    private LogGroup logs;
    private IRepository repository;
    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targetGroup;

    public ServiceStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);

        cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(props.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED) // RunningTaskCount for backlog-per-task scaling
                .build();

        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(1024)
                .memoryLimitMiB(2048)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64) // what the release workflow builds
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();
        ContainerDefinition container = addContainer(task, props);
        TraceCollector.add(task, logs);

        service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(props.minTasks())
                .securityGroups(List.of(props.serviceSecurityGroup()))
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                // Fargate spreads tasks over the subnets' AZs; rebalancing restores that after an AZ recovers.
                .availabilityZoneRebalancing(AvailabilityZoneRebalancing.ENABLED)
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .healthCheckGracePeriod(Duration.seconds(60))
                .build();

        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "Alb")
                .vpc(props.vpc())
                .internetFacing(true)
                .securityGroup(props.loadBalancerSecurityGroup())
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .dropInvalidHeaderFields(true)
                .build();
        loadBalancer.addRedirect(); // HTTP :80 -> HTTPS :443
        new EdgeProtection(this, "Edge", loadBalancer, props.namePrefix());

        ApplicationListener https = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .port(443)
                .protocol(ApplicationProtocol.HTTPS)
                .certificates(List.of(ListenerCertificate.fromArn(props.certificateArn())))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .build());
        targetGroup = https.addTargets("App", AddApplicationTargetsProps.builder()
                .port(CONTAINER_PORT)
                .protocol(ApplicationProtocol.HTTP)
                .targets(List.of(service.loadBalancerTarget(
                        software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions.builder()
                                .containerName(container.getContainerName())
                                .containerPort(CONTAINER_PORT)
                                .build())))
                .healthCheck(HealthCheck.builder()
                        .path(READINESS_PATH)
                        .interval(Duration.seconds(10))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .healthyHttpCodes("200")
                        .build())
                .deregistrationDelay(DEREGISTRATION_DELAY)
                .build());
        // Actuator (metrics, health details) stays internal; the ALB health check bypasses listener rules.
        https.addAction("BlockActuator", AddApplicationActionProps.builder()
                .priority(10)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of("/actuator", "/actuator/*"))))
                .action(ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                        .contentType("text/plain").messageBody("Not Found").build()))
                .build());

        TaskRolePolicy.apply(task.getTaskRole(), ServicePermissions.load(), props.webhooks(), props.push(),
                props.database().appUserSecret());
        if (props.databaseIamAuthentication()) {
            // Both logins of the alternating-users rotation: the service signs its token as whichever is current.
            task.getTaskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .effect(Effect.ALLOW)
                    .actions(List.of("rds-db:connect"))
                    .resources(List.of(
                            props.database().connectArn(this, DataStack.APP_USER),
                            props.database().connectArn(this, DataStack.APP_USER + "_clone")))
                    .build());
        }
        new ServiceScaling(this, "Scaling", service, cluster, props.minTasks(), props.maxTasks(),
                List.of(props.webhooks().queue(), props.push().queue()));

        // The schema is migrated before CloudFormation touches the service: a failed migration fails (and rolls back)
        // the deploy while the running tasks carry on.
        SchemaMigrationTask migration = new SchemaMigrationTask(this, "SchemaMigration", props, cluster, logs,
                ContainerImage.fromEcrRepository(repository, props.imageTag()));
        service.getNode().addDependency(migration.migrated());
    }

    /**
     * Where the service keeps each shop's webhook subscriptions pointed: the EventBridge partner source when Shopify
     * delivers through EventBridge, else this deployment's own webhook endpoint. With neither known the upkeep is
     * switched off rather than left to warn on every start.
     */
    static Map<String, String> webhookSubscriptionTarget(Props props) {
        if (props.shopifyEventSourceName().isPresent()) {
            return Map.of(
                    "SHOPIFY_EVENTBRIDGE_SOURCE_ARN",
                    "arn:aws:events:" + props.region() + "::event-source/" + props.shopifyEventSourceName().get());
        }
        return props.publicUrl()
                .map(url -> Map.of("SHOPIFY_WEBHOOK_CALLBACK_URL", url + "/webhooks/shopify"))
                .orElse(Map.of("WEBHOOK_SUBSCRIPTIONS_ENABLED", "false"));
    }

    /** What both the service and the migration task need to reach the database, none of it a credential. */
    static Map<String, String> databaseEnvironment(Props props) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "aws");
        environment.put("AWS_REGION", props.region());
        environment.put("DATABASE_URL", props.database().jdbcUrl());
        // The aws profile's default, spelled out: TLS, the certificate checked against the RDS bundle in the image
        // and the host name against the endpoint.
        environment.put("DATABASE_SSL_MODE", "verify-full");
        // Where to re-read the credentials when a login fails after rotations; the ARN, never the value.
        environment.put("DATABASE_CREDENTIALS_ARN", props.database().appUserSecret().getSecretArn());
        // Either alternating login may run the migrations; the tables must belong to the role both share.
        environment.put("DATABASE_OBJECT_OWNER", DataStack.APP_USER);
        return environment;
    }

    /**
     * Credentials only ever reach a task as ECS secrets: resolved by the agent at start, never in the task
     * definition, and read through the execution role rather than the application's role. Username and password both
     * come from the app user's secret: rotation alternates the username too.
     */
    static Map<String, Secret> databaseSecrets(ISecret dbSecret) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put("DATABASE_USERNAME", Secret.fromSecretsManager(dbSecret, "username"));
        secrets.put("DATABASE_PASSWORD", Secret.fromSecretsManager(dbSecret, "password"));
        return secrets;
    }

    private ContainerDefinition addContainer(FargateTaskDefinition task, Props props) {
        repository = Repository.fromRepositoryName(this, "Repository", props.ecrRepository());
        ISecret appSecret = software.amazon.awscdk.services.secretsmanager.Secret.fromSecretNameV2(
                this, "AppSecret", props.appSecretName());
        ISecret dbSecret = props.database().appUserSecret();

        Map<String, String> environment = databaseEnvironment(props);
        environment.put("SERVER_PORT", Integer.toString(CONTAINER_PORT));
        // The aws profile's default, spelled out: the deploy's migration task has brought the schema up to date
        // (SchemaMigrationTask), and an instance only checks that nothing is pending.
        environment.put("DATABASE_MIGRATE_ON_START", "false");
        if (props.databaseIamAuthentication()) {
            // The login's token comes from the task role (granted rds-db:connect). The migration task keeps the
            // secret's password, which IAM authentication leaves valid.
            environment.put("DATABASE_IAM_AUTH", "true");
        }
        environment.put("WEBHOOK_QUEUE", props.webhooks().queue().getQueueName());
        environment.put("WEBHOOK_DLQ", props.webhooks().deadLetterQueue().getQueueName());
        environment.put("PUSH_QUEUE", props.push().queue().getQueueName());
        environment.put("PUSH_DLQ", props.push().deadLetterQueue().getQueueName());
        environment.put("SHOPIFY_API_VERSION", "2026-10");
        props.allowedShops().ifPresent(shops -> environment.put("SHOPIFY_ALLOWED_SHOPS", shops));
        props.publicUrl().ifPresent(url -> environment.put("API_PUBLIC_URL", url));
        environment.putAll(webhookSubscriptionTarget(props));
        environment.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", TraceCollector.SERVICE_ENDPOINT);

        Map<String, Secret> secrets = databaseSecrets(dbSecret);
        for (String key : APP_SECRET_KEYS) {
            secrets.put(key, Secret.fromSecretsManager(appSecret, key));
        }

        logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/ecs/" + props.namePrefix())
                .retention(RetentionDays.ONE_MONTH)
                .build();

        return task.addContainer("orderbridge", ContainerDefinitionOptions.builder()
                .containerName("orderbridge")
                .image(ContainerImage.fromEcrRepository(repository, props.imageTag()))
                .portMappings(List.of(PortMapping.builder().containerPort(CONTAINER_PORT).build()))
                .environment(environment)
                .secrets(secrets)
                .stopTimeout(STOP_TIMEOUT)
                .essential(true)
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(logs)
                        .streamPrefix("app")
                        .mode(AwsLogDriverMode.NON_BLOCKING) // a CloudWatch hiccup must not stall request threads
                        .build()))
                .build());
    }

    public Cluster cluster() {
        return cluster;
    }

    /** The service's JSON logs: the source of log-based alarms. */
    public LogGroup logGroup() {
        return logs;
    }

    public FargateService service() {
        return service;
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }
}
