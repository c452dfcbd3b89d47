package org.orderbridge.infra.stacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalableTarget;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/** CPU target tracking plus SQS backlog per task, the metric AWS recommends for queue workers. */
final class ServiceScaling extends Construct {

    /**
     * Messages one task can clear within the latency budget: ~60 s of backlog at ~2 msg/s per task.
     * Revisit from the service's processing-time metric once it runs in production.
     */
    static final double BACKLOG_PER_TASK_TARGET = 100;

    ServiceScaling(Construct scope, String id, FargateService service, Cluster cluster, int min, int max,
            List<IQueue> queues) {
        super(scope, id);
        ScalableTaskCount count = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(min)
                .maxCapacity(max)
                .build());
        count.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(60)
                .scaleOutCooldown(Duration.seconds(60))
                .scaleInCooldown(Duration.seconds(300))
                .build());

        // The L2 target tracking only accepts a single metric; backlog/tasks needs metric math, so use the L1.
        ScalableTarget target = (ScalableTarget) count.getNode().findChild("Target");
        List<Object> metrics = new ArrayList<>();
        StringBuilder backlog = new StringBuilder();
        for (int i = 0; i < queues.size(); i++) {
            String metricId = "q" + i;
            metrics.add(stat(metricId, "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Sum",
                    Map.of("QueueName", queues.get(i).getQueueName())));
            backlog.append(i == 0 ? "" : " + ").append(metricId);
        }
        metrics.add(stat("tasks", "ECS/ContainerInsights", "RunningTaskCount", "Average",
                Map.of("ClusterName", cluster.getClusterName(), "ServiceName", service.getServiceName())));
        metrics.add(CfnScalingPolicy.TargetTrackingMetricDataQueryProperty.builder()
                .id("backlogPerTask")
                .expression("(" + backlog + ") / IF(tasks > 0, tasks, 1)")
                .label("SQS backlog per task")
                .returnData(true)
                .build());

        CfnScalingPolicy.Builder.create(this, "BacklogPerTask")
                .policyName(service.getServiceName() + "-backlog-per-task")
                .policyType("TargetTrackingScaling")
                .scalingTargetId(target.getScalableTargetId())
                .targetTrackingScalingPolicyConfiguration(
                        CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty.builder()
                                .targetValue(BACKLOG_PER_TASK_TARGET)
                                .scaleOutCooldown(60)
                                .scaleInCooldown(300)
                                .customizedMetricSpecification(CfnScalingPolicy.CustomizedMetricSpecificationProperty.builder()
                                        .metrics(metrics)
                                        .build())
                                .build())
                .build();
    }

    private static CfnScalingPolicy.TargetTrackingMetricDataQueryProperty stat(
            String id, String namespace, String name, String statistic, Map<String, String> dimensions) {
        List<Object> dims = new ArrayList<>();
        dimensions.forEach((k, v) -> dims.add(
                CfnScalingPolicy.TargetTrackingMetricDimensionProperty.builder().name(k).value(v).build()));
        return CfnScalingPolicy.TargetTrackingMetricDataQueryProperty.builder()
                .id(id)
                .returnData(false)
                .metricStat(CfnScalingPolicy.TargetTrackingMetricStatProperty.builder()
                        .metric(CfnScalingPolicy.TargetTrackingMetricProperty.builder()
                                .namespace(namespace)
                                .metricName(name)
                                .dimensions(dims)
                                .build())
                        .stat(statistic)
                        .build())
                .build();
    }
}
