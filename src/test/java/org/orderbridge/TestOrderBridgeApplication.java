package org.orderbridge;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.orderbridge.platform.EmbeddedServices;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * The local run: {@code ./mvnw spring-boot:test-run} starts OrderBridge on a real embedded PostgreSQL, an
 * embedded SQS-compatible server and the Shopify simulator; no Docker, no cloud account. Once started it
 * prints what a developer needs to talk to it.
 */
public class TestOrderBridgeApplication {

    public static void main(String[] args) throws IOException {
        ConfigurableApplicationContext context = SpringApplication.from(OrderBridgeApplication::main)
                .with(EmbeddedServices.class)
                .withAdditionalProfiles("local")
                .run(args)
                .getApplicationContext();
        System.out.println(guide(context));
    }

    private static String guide(ConfigurableApplicationContext context) throws IOException {
        Environment environment = context.getEnvironment();
        Binder binder = Binder.get(environment);
        String service = "http://127.0.0.1:" + environment.getProperty("local.server.port");
        String secret =
                binder.bind("orderbridge.webhook.secrets", Bindable.listOf(String.class)).orElse(List.of()).stream()
                        .findFirst()
                        .orElse("(none configured)");
        List<String> apiKeys = binder.bind("orderbridge.security.api-keys", Bindable.listOf(String.class))
                .orElse(List.of());
        ShopifySimulator simulator = context.getBean(ShopifySimulator.class);
        // The copy on the test classpath, so the command works from any directory.
        String sample =
                new ClassPathResource("samples/orders-create.json").getFile().getAbsolutePath();
        String line = "=".repeat(100);
        return """

                %1$s
                OrderBridge local run
                  Service              %2$s   (OpenAPI: %2$s/v3/api-docs)
                  Webhook secret       %3$s
                  API keys (X-API-Key) %4$s
                  Shopify simulator    http://127.0.0.1:%5$d   (its orders: GET /_sim/orders)
                  Shopify admin URL    %6$s

                Send a signed orders/create webhook, as Shopify does:

                curl -i -X POST '%2$s/webhooks/shopify' \\
                  -H 'Content-Type: application/json' \\
                  -H 'X-Shopify-Topic: orders/create' \\
                  -H 'X-Shopify-Shop-Domain: ob-test.myshopify.com' \\
                  -H "X-Shopify-Webhook-Id: sample-$(date +%%s%%N)" \\
                  -H "X-Shopify-Hmac-Sha256: $(openssl dgst -sha256 -hmac '%3$s' -binary '%7$s' | base64)" \\
                  --data-binary @'%7$s'

                Create an order; it is pushed to the simulator, which sends its orders/create back:

                curl -i -X POST '%2$s/api/v1/orders' \\
                  -H 'Content-Type: application/json' -H 'X-API-Key: %8$s' \\
                  -d '{"externalId": "demo-'"$(date +%%s)"'", "shop": "ob-test.myshopify.com", "currency": "EUR",
                       "customer": {"email": "ada@example.com", "firstName": "Ada", "lastName": "Lovelace"},
                       "shippingAddress": {"firstName": "Ada", "lastName": "Lovelace", "address1": "1 Analytical Way",
                                           "city": "London", "zip": "N1 9GU", "countryCode": "GB"},
                       "lineItems": [{"sku": "ENGINE-1", "title": "Difference engine", "quantity": 1,
                                      "unitPrice": "19.90"}]}'

                List orders:

                curl -s '%2$s/api/v1/orders' -H 'X-API-Key: %9$s'
                %1$s
                """.formatted(
                        line,
                        service,
                        secret,
                        rolesAndKeys(apiKeys),
                        simulator.port(),
                        environment.getProperty("orderbridge.shopify.admin-url"),
                        sample,
                        keyWithRole(apiKeys, "write"),
                        keyWithRole(apiKeys, "read"));
    }

    private static String rolesAndKeys(List<String> apiKeys) {
        return apiKeys.stream()
                .map(entry -> entry.split(":", 3))
                .filter(parts -> parts.length == 3)
                .map(parts -> parts[1] + " " + parts[2])
                .collect(Collectors.joining(", "));
    }

    /** The key of the first {@code name:role:key} entry with this role. */
    private static String keyWithRole(List<String> apiKeys, String role) {
        return apiKeys.stream()
                .map(entry -> entry.split(":", 3))
                .filter(parts -> parts.length == 3 && parts[1].equals(role))
                .map(parts -> parts[2])
                .findFirst()
                .orElse("(no " + role + " key)");
    }
}
