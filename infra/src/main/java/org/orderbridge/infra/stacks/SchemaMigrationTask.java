package org.orderbridge.infra.stacks;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverMode;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.customresources.Provider;
import software.constructs.Construct;

/**
 * The schema's migrations as a one-off ECS task of the service's own image ({@code --orderbridge.database.migrate-only=true}:
 * Flyway only, then exit), run by a CloudFormation custom resource on every deploy of a new image tag and awaited
 * until the task has stopped: exit 0 completes the resource, anything else fails the deploy before the service is
 * updated. The task gets the database's configuration and login only, no Shopify or API secrets.
 */
final class SchemaMigrationTask extends Construct {

    static final String MIGRATE_ONLY = "--orderbridge.database.migrate-only=true";
    /** Longer than any migration should take; a deploy that waits longer fails rather than hangs. */
    static final Duration TIMEOUT = Duration.minutes(30);

    private final CustomResource migrated;

    SchemaMigrationTask(
            Construct scope, String id, ServiceStack.Props props, Cluster cluster, LogGroup logs, ContainerImage image) {
        super(scope, id);

        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(1024)
                .memoryLimitMiB(2048)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();
        task.addContainer("migrate", ContainerDefinitionOptions.builder()
                .containerName("migrate")
                .image(image)
                // Arguments to the image's entry point (java … -jar app.jar).
                .command(List.of(MIGRATE_ONLY))
                .environment(ServiceStack.databaseEnvironment(props))
                .secrets(ServiceStack.databaseSecrets(props.database().appUserSecret()))
                .essential(true)
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(logs)
                        .streamPrefix("migrate")
                        .mode(AwsLogDriverMode.NON_BLOCKING)
                        .build()))
                .build());
        // The login is re-read from its secret when a rotation changed it, as the service does.
        props.database().appUserSecret().grantRead(task.getTaskRole());

        Function start = handler("Start", "on_event", task);
        Function finished = handler("Finished", "is_complete", task);
        Provider provider = Provider.Builder.create(this, "Provider")
                .onEventHandler(start)
                .isCompleteHandler(finished)
                .queryInterval(Duration.seconds(15))
                .totalTimeout(TIMEOUT)
                .logGroup(LogGroup.Builder.create(this, "ProviderLogs").retention(RetentionDays.ONE_MONTH).build())
                .build();

        var subnets = props.vpc().selectSubnets(
                SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build());
        migrated = CustomResource.Builder.create(this, "Run")
                .serviceToken(provider.getServiceToken())
                .resourceType("Custom::SchemaMigration")
                // A new image tag is a new task definition revision: CloudFormation updates the resource, which
                // runs the migrations again.
                .properties(Map.of(
                        "Cluster", cluster.getClusterArn(),
                        "TaskDefinition", task.getTaskDefinitionArn(),
                        "ImageTag", props.imageTag(),
                        "Subnets", subnets.getSubnetIds(),
                        "SecurityGroups", List.of(props.serviceSecurityGroup().getSecurityGroupId())))
                .build();
    }

    private Function handler(String id, String name, FargateTaskDefinition task) {
        Function function = Function.Builder.create(this, id)
                .runtime(Runtime.PYTHON_3_13)
                .handler("index." + name)
                .code(Code.fromInline(HANDLERS))
                .timeout(Duration.minutes(1))
                .logGroup(LogGroup.Builder.create(this, id + "Logs").retention(RetentionDays.ONE_MONTH).build())
                .build();
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ecs:RunTask"))
                .resources(List.of(task.getTaskDefinitionArn()))
                .build());
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ecs:DescribeTasks"))
                .resources(List.of("*"))
                .build());
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("iam:PassRole"))
                .resources(List.of(task.getTaskRole().getRoleArn(), task.obtainExecutionRole().getRoleArn()))
                .build());
        return function;
    }

    /**
     * on_event starts the task (deleting the resource runs nothing); is_complete, every 15 s, reports it done
     * once it has stopped with exit code 0 and fails the deploy with the reason otherwise.
     */
    static final String HANDLERS = """
            import boto3

            ecs = boto3.client("ecs")


            def on_event(event, context):
                if event["RequestType"] == "Delete":
                    return {"PhysicalResourceId": event["PhysicalResourceId"]}
                p = event["ResourceProperties"]
                started = ecs.run_task(
                    cluster=p["Cluster"],
                    taskDefinition=p["TaskDefinition"],
                    launchType="FARGATE",
                    count=1,
                    startedBy="schema-migration",
                    networkConfiguration={"awsvpcConfiguration": {
                        "subnets": p["Subnets"],
                        "securityGroups": p["SecurityGroups"],
                        "assignPublicIp": "DISABLED"}})
                if started["failures"] or not started["tasks"]:
                    raise RuntimeError(f"migration task did not start: {started['failures']}")
                task = started["tasks"][0]["taskArn"]
                print(f"migration task {task} started for image {p['ImageTag']}")
                return {"PhysicalResourceId": f"schema-migration-{p['ImageTag']}", "Data": {"TaskArn": task}}


            def is_complete(event, context):
                if event["RequestType"] == "Delete":
                    return {"IsComplete": True}
                p = event["ResourceProperties"]
                task = ecs.describe_tasks(cluster=p["Cluster"], tasks=[event["Data"]["TaskArn"]])["tasks"][0]
                if task["lastStatus"] != "STOPPED":
                    return {"IsComplete": False}
                container = next(c for c in task["containers"] if c["name"] == "migrate")
                if container.get("exitCode") != 0:
                    raise RuntimeError(
                        f"schema migration failed: exit code {container.get('exitCode')},"
                        f" {container.get('reason') or task.get('stoppedReason')}; its log stream starts with migrate/")
                return {"IsComplete": True}
            """;

    CustomResource migrated() {
        return migrated;
    }
}
