package org.orderbridge.platform;

import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.subscription.SubscriptionFixtures;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The dev services of the local run and of the tests, all in this JVM unless {@link DevServers} says
 * otherwise: a real PostgreSQL from embedded binaries, ElasticMQ speaking the SQS protocol, with the queues and dead-letter queues the AWS stack
 * creates, and the Shopify simulator, which sends signed orders/create webhooks back to this service.
 * Beans are destroyed after the SQS listener containers have stopped, so that in-flight messages can still
 * be acknowledged at shutdown.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedServices {

    public static final String REGION = "us-east-1";
    public static final Map<String, String> SIMULATED_SHOPS = Map.ofEntries(
            Map.entry("ob-test.myshopify.com", "shpat_local_ob_test"),
            Map.entry("alpha.myshopify.com", "shpat_local_alpha"),
            Map.entry("hostile.myshopify.com", "shpat_local_hostile"),
            Map.entry("slow-db.myshopify.com", "shpat_local_slow_db"),
            Map.entry("redact-live.myshopify.com", "shpat_local_redact_live"),
            Map.entry("uninstalled.myshopify.com", "shpat_local_uninstalled"),
            Map.entry("reinstalled.myshopify.com", "shpat_local_reinstalled"),
            Map.entry("erase.myshopify.com", "shpat_local_erase"),
            Map.entry("erase-again.myshopify.com", "shpat_local_erase_again"),
            Map.entry("erase-reinstall.myshopify.com", "shpat_local_erase_reinstall"),
            Map.entry("erase-customer.myshopify.com", "shpat_local_erase_customer"),
            Map.entry("erasure-gone.myshopify.com", "shpat_local_erasure_gone"),
            Map.entry("erasure-kept.myshopify.com", "shpat_local_erasure_kept"),
            Map.entry("retention-refused.myshopify.com", "shpat_local_retention_refused"),
            Map.entry("retention-accepted.myshopify.com", "shpat_local_retention_accepted"),
            Map.entry("recon-drift.myshopify.com", "shpat_local_recon_drift"),
            Map.entry("recon-race.myshopify.com", "shpat_local_recon_race"),
            Map.entry("recon-twice.myshopify.com", "shpat_local_recon_twice"),
            Map.entry("recon-crash.myshopify.com", "shpat_local_recon_crash"),
            Map.entry("recon-lines.myshopify.com", "shpat_local_recon_lines"),
            Map.entry("recon-now.myshopify.com", "shpat_local_recon_now"),
            Map.entry("recon-repaired.myshopify.com", "shpat_local_recon_repaired"),
            Map.entry("recon-bench-standard.myshopify.com", "shpat_local_recon_bench_standard"),
            Map.entry("recon-bench-plus.myshopify.com", "shpat_local_recon_bench_plus"),
            Map.entry("backfill-pages.myshopify.com", "shpat_local_backfill_pages"),
            Map.entry("backfill-bulk.myshopify.com", "shpat_local_backfill_bulk"),
            Map.entry("backfill-resume.myshopify.com", "shpat_local_backfill_resume"),
            Map.entry("backfill-failed.myshopify.com", "shpat_local_backfill_failed"),
            Map.entry("subs-dropped.myshopify.com", "shpat_local_subs_dropped"),
            Map.entry("subs-misdirected.myshopify.com", "shpat_local_subs_misdirected"),
            Map.entry("subs-current.myshopify.com", "shpat_local_subs_current"),
            Map.entry("subs-failing.myshopify.com", "shpat_local_subs_failing"),
            Map.entry("ops-console.myshopify.com", "shpat_local_ops_console"),
            Map.entry("failing-push.myshopify.com", "shpat_local_failing_push"),
            Map.entry("sku-strict.myshopify.com", "shpat_local_sku_strict"),
            Map.entry("threepl.myshopify.com", "shpat_local_threepl"),
            Map.entry("threepl-storm.myshopify.com", "shpat_local_threepl_storm"));

    /** Runs after the service's own customizers, and keeps what they configured. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SqsAsyncClientCustomizer recordSqsCalls(SqsCallRecorder recorder) {
        return builder -> builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(recorder)
                .build());
    }

    @Bean
    SqsCallRecorder sqsCallRecorder() {
        return new SqsCallRecorder();
    }

    @Bean(destroyMethod = "close")
    DevServers devServers(Environment environment) throws IOException {
        return DevServers.start(environment.getProperty("orderbridge.dev-services", "embedded"));
    }

    /** Latency and Shopify's cost bucket are settable for benchmarks ({@code orderbridge.simulator.*}). */
    @Bean(destroyMethod = "close")
    ShopifySimulator shopifySimulator(Environment environment) {
        ShopifySimulator.Builder builder = ShopifySimulator.builder()
                .port(0)
                .latency(environment.getProperty(
                        "orderbridge.simulator.latency", java.time.Duration.class, java.time.Duration.ZERO))
                .costLimits(
                        environment.getProperty("orderbridge.simulator.bucket-size", Double.class, 1000.0),
                        environment.getProperty("orderbridge.simulator.restore-rate", Double.class, 100.0));
        SIMULATED_SHOPS.forEach(builder::shop);
        ShopifySimulator simulator = builder.start();
        // In the tests, subscribed already as after an earlier run, so that the check on start only reads them and
        // adds no load to the first tests; the shops of the subscription tests start without.
        String subscriptionTarget = environment.getProperty("orderbridge.subscriptions.callback-url");
        if (StringUtils.hasText(subscriptionTarget)
                && environment.getProperty("orderbridge.embedded.fault-proxies", Boolean.class, false)) {
            SIMULATED_SHOPS.keySet().stream()
                    .filter(shop -> !shop.startsWith("subs-"))
                    .forEach(shop -> SubscriptionFixtures.subscribeEveryTopic(simulator, shop, subscriptionTarget));
        }
        return simulator;
    }

    /** The service's port is known only once its web server runs, so the webhook target is set then. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> shopifySimulatorWebhooks(
            ShopifySimulator simulator, Environment environment) {
        return event ->
                Binder.get(environment)
                        .bind("orderbridge.webhook.secrets", Bindable.listOf(String.class))
                        .orElse(List.of())
                        .stream()
                        .findFirst()
                        .ifPresent(secret -> simulator.setWebhooks(
                                URI.create("http://127.0.0.1:"
                                        + event.getWebServer().getPort() + "/webhooks/shopify"),
                                secret));
    }

    /**
     * Tests reach both servers through proxies they can cut ({@code orderbridge.embedded.fault-proxies=true});
     * the local run talks to them directly.
     */
    @Bean(destroyMethod = "close")
    EmbeddedFaults embeddedFaults(DevServers servers, Environment environment) throws IOException {
        createQueues("http://127.0.0.1:" + servers.sqsPort());
        boolean proxied = environment.getProperty("orderbridge.embedded.fault-proxies", Boolean.class, false);
        return proxied
                ? EmbeddedFaults.proxied(servers.databasePort(), servers.sqsPort())
                : EmbeddedFaults.direct(servers.databasePort(), servers.sqsPort());
    }

    /**
     * The simulator stands in for Shopify unless access tokens are configured ({@code SHOPIFY_ACCESS_TOKENS}),
     * which points the local run at real stores.
     */
    @Bean
    DynamicPropertyRegistrar embeddedServiceProperties(
            EmbeddedFaults faults, ShopifySimulator shopify, Environment environment) {
        boolean realShopify = StringUtils.hasText(environment.getProperty("orderbridge.shopify.access-tokens"));
        boolean customAdminUrl = StringUtils.hasText(environment.getProperty("orderbridge.shopify.admin-url"));
        String sqsEndpoint = "http://127.0.0.1:" + faults.sqsPort();
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + faults.databasePort() + "/postgres";
        return registry -> {
            registry.add("spring.datasource.url", () -> jdbcUrl);
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
            registry.add("spring.cloud.aws.sqs.endpoint", () -> sqsEndpoint);
            registry.add("spring.cloud.aws.region.static", () -> REGION);
            registry.add("spring.cloud.aws.credentials.access-key", () -> "local");
            registry.add("spring.cloud.aws.credentials.secret-key", () -> "local");
            if (!realShopify) {
                registry.add(
                        "orderbridge.shopify.access-tokens",
                        () -> SIMULATED_SHOPS.entrySet().stream()
                                .map(shop -> shop.getKey() + "=" + shop.getValue())
                                .collect(Collectors.joining(",")));
            }
            if (!realShopify && !customAdminUrl) {
                registry.add("orderbridge.shopify.admin-url", shopify::adminUrlTemplate);
            }
        };
    }

    /** The same queues, dead-letter queues and redrive limits as infra/'s messaging stack. */
    static void createQueues(String endpoint) {
        createQueues(endpoint, 60, 120);
    }

    /**
     * With other visibility timeouts, for tests in which a cut long poll or a killed service leaves messages
     * invisible: they come back after this many seconds instead of a minute or two.
     */
    public static void createQueues(String endpoint, int webhookVisibilitySeconds, int pushVisibilitySeconds) {
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            createWithDeadLetterQueue(sqs, "orderbridge-webhooks", webhookVisibilitySeconds, 6);
            createWithDeadLetterQueue(sqs, "orderbridge-push", pushVisibilitySeconds, 8);
        }
    }

    private static void createWithDeadLetterQueue(
            SqsClient sqs, String name, int visibilitySeconds, int maxReceiveCount) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")
                        .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600")))
                .queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sqs.createQueue(b -> b.queueName(name)
                .attributes(Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT,
                        String.valueOf(visibilitySeconds),
                        QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount
                                + "\"}")));
    }
}
