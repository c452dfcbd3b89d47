package org.orderbridge.shopify.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator stand-alone. Environment: {@code SIMULATOR_PORT} (8089), {@code SIMULATOR_ACCESS_TOKENS}
 * ({@code shop=token,...}), {@code SIMULATOR_WEBHOOK_URL} and {@code SIMULATOR_WEBHOOK_SECRET} (webhooks are sent only
 * when both are set), {@code SIMULATOR_RESTORE_RATE} (100), {@code SIMULATOR_BUCKET_SIZE} (1000),
 * {@code SIMULATOR_LATENCY_MS} (0).
 */
public final class ShopifySimulatorMain {

    static final String DEFAULT_TOKENS = "orderbridge-dev.myshopify.com=shpat_simulator";

    private ShopifySimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        ShopifySimulator.Builder builder = ShopifySimulator.builder()
                .port(Integer.parseInt(env.getOrDefault("SIMULATOR_PORT", "8089")))
                .costLimits(
                        Double.parseDouble(env.getOrDefault("SIMULATOR_BUCKET_SIZE", "1000")),
                        Double.parseDouble(env.getOrDefault("SIMULATOR_RESTORE_RATE", "100")))
                .latency(Duration.ofMillis(Long.parseLong(env.getOrDefault("SIMULATOR_LATENCY_MS", "0"))));
        for (String entry :
                env.getOrDefault("SIMULATOR_ACCESS_TOKENS", DEFAULT_TOKENS).split(",")) {
            String[] shopAndToken = entry.strip().split("=", 2);
            builder.shop(shopAndToken[0], shopAndToken[1]);
        }
        String webhookUrl = env.get("SIMULATOR_WEBHOOK_URL");
        String webhookSecret = env.get("SIMULATOR_WEBHOOK_SECRET");
        if (webhookUrl != null && webhookSecret != null) {
            builder.webhooks(URI.create(webhookUrl), webhookSecret);
        }
        ShopifySimulator simulator = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println(
                "Shopify simulator listening; orderbridge.shopify.admin-url=" + simulator.adminUrlTemplate());
        new CountDownLatch(1).await();
    }
}
