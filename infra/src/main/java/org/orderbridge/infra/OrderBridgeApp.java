package org.orderbridge.infra;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.orderbridge.infra.stacks.DataStack;
import org.orderbridge.infra.stacks.MessagingStack;
import org.orderbridge.infra.stacks.NetworkStack;
import org.orderbridge.infra.stacks.ObservabilityStack;
import org.orderbridge.infra.stacks.ResilienceDrillStack;
import org.orderbridge.infra.stacks.ServiceStack;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;

/**
 * Entry point for both the CDK CLI (cdk.json) and offline synth without it:
 * {@code ./mvnw -f infra/pom.xml compile exec:java -Dexec.args="-c env=staging -c region=... ..."}.
 */
public final class OrderBridgeApp {

    /** The stacks of one environment, exposed for the assertion tests. */
    public record Stacks(
            DeploymentConfig config,
            NetworkStack network,
            DataStack data,
            MessagingStack messaging,
            ServiceStack service,
            ObservabilityStack observability,
            Optional<ResilienceDrillStack> drill) {}

    private OrderBridgeApp() {}

    public static void main(String[] args) {
        Map<String, Object> argContext = parseContextArgs(args);
        // The CLI passes CDK_OUTDIR; offline synth via exec:java sets cdk.outdir to infra/cdk.out.
        String outdir = System.getenv().getOrDefault("CDK_OUTDIR", System.getProperty("cdk.outdir", "cdk.out"));
        App app = new App(AppProps.builder().outdir(outdir).context(argContext).build());
        DeploymentConfig config;
        try {
            config = DeploymentConfig.from(app.getNode()::tryGetContext, System.getenv());
        } catch (InvalidContextException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        build(app, config);
        app.synth();
        System.out.println("Synthesized " + config.prefix() + " to " + outdir);
    }

    public static Stacks build(App app, DeploymentConfig config) {
        Tags.of(app).add("application", "orderbridge");
        Tags.of(app).add("environment", config.env().id());

        // Account-agnostic on purpose: the deploy role's account is used, and synth needs no credentials.
        StackProps props = StackProps.builder()
                .env(Environment.builder().region(config.region()).build())
                .terminationProtection(config.env().isProduction())
                .build();
        String name = "OrderBridge-" + config.env().id() + "-";
        boolean production = config.env().isProduction();

        NetworkStack network = new NetworkStack(app, name + "Network", props, new NetworkStack.Props(
                config.availabilityZones(), production ? "10.40.0.0/16" : "10.41.0.0/16", production ? 3 : 1));

        DataStack data = new DataStack(app, name + "Data", props, new DataStack.Props(
                network.vpc(),
                network.serviceSecurityGroup(),
                config.database(),
                config.availabilityZones(),
                production
                        ? InstanceType.of(InstanceClass.R7G, InstanceSize.LARGE)
                        : InstanceType.of(InstanceClass.T4G, InstanceSize.MEDIUM),
                production ? 14 : 7,
                "orderbridge/" + config.env().id() + "/database-app-user"));

        MessagingStack messaging = new MessagingStack(app, name + "Messaging", props, new MessagingStack.Props(
                config.prefix(), config.shopifyEventSourceName()));

        ServiceStack service = new ServiceStack(app, name + "Service", props, new ServiceStack.Props(
                network.vpc(),
                network.serviceSecurityGroup(),
                network.loadBalancerSecurityGroup(),
                config.prefix(),
                config.region(),
                config.certificateArn(),
                config.ecrRepository(),
                config.imageTag(),
                config.appSecretName(),
                config.allowedShops(),
                config.publicUrl(),
                config.shopifyEventSourceName(),
                config.minTasks(),
                config.maxTasks(),
                config.databaseIamAuthentication(),
                data.database(),
                messaging.webhooks(),
                messaging.push()));

        ObservabilityStack observability = new ObservabilityStack(app, name + "Observability", props,
                new ObservabilityStack.Props(
                        config.prefix(), config.alarmEmail(), messaging.webhooks(), messaging.push(), service,
                        data.database()));

        // The drill breaks things on purpose: its templates must not exist where an operator could start one by mistake.
        Optional<ResilienceDrillStack> drill = production
                ? Optional.empty()
                : Optional.of(new ResilienceDrillStack(app, name + "ResilienceDrill", props,
                        new ResilienceDrillStack.Props(config.prefix(), data.database(), service, messaging.webhooks(),
                                messaging.push(), observability.alarms())));

        return new Stacks(config, network, data, messaging, service, observability, drill);
    }

    /** Accepts the CLI's own syntax ({@code -c key=value}) as well as bare {@code key=value}. */
    static Map<String, Object> parseContextArgs(String[] args) {
        Map<String, Object> context = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("-c") || arg.equals("--context")) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new InvalidContextException(arg, "expected key=value");
            }
            context.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return context;
    }
}
