package org.orderbridge.infra.stacks;

import java.util.Map;
import software.amazon.awscdk.services.ecs.AwsLogDriverMode;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * The AWS Distro for OpenTelemetry collector beside the service in each task: it takes the service's spans over OTLP
 * on localhost and sends them to X-Ray, with the task role's {@code xray} actions of {@code service-permissions.json}.
 * Not essential: a collector that dies costs traces, never webhooks or pushes, so it does not stop the task.
 */
final class TraceCollector {

    static final String CONTAINER_NAME = "otel-collector";
    /** Pinned like the service's image; raised deliberately, after reading the release notes. */
    static final String IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3";
    /** Where the service sends its spans (OTLP over HTTP): the collector shares the task's network namespace. */
    static final String SERVICE_ENDPOINT = "http://localhost:4318/v1/traces";

    /**
     * Receives on the loopback interface only, so nothing outside the task can write traces; batches for X-Ray's
     * PutTraceSegments.
     */
    static final String CONFIG = """
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: 127.0.0.1:4317
                  http:
                    endpoint: 127.0.0.1:4318
            processors:
              batch/traces:
                timeout: 1s
                send_batch_size: 50
            exporters:
              awsxray:
                index_all_attributes: false
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  processors: [batch/traces]
                  exporters: [awsxray]
            """;

    private TraceCollector() {}

    static ContainerDefinition add(FargateTaskDefinition task, ILogGroup logs) {
        return task.addContainer(CONTAINER_NAME, ContainerDefinitionOptions.builder()
                .containerName(CONTAINER_NAME)
                .image(ContainerImage.fromRegistry(IMAGE))
                .environment(Map.of("AOT_CONFIG_CONTENT", CONFIG))
                .essential(false)
                .cpu(64)
                .memoryReservationMiB(64)
                .memoryLimitMiB(256)
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(logs)
                        .streamPrefix("otel")
                        .mode(AwsLogDriverMode.NON_BLOCKING)
                        .build()))
                .build());
    }
}
