package org.orderbridge.shopify;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ShopifyProperties.class, SkuLineProperties.class, FulfillmentServiceProperties.class})
class ShopifyConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static AccessTokensConverter shopifyAccessTokensConverter() {
        return new AccessTokensConverter();
    }

    @Bean
    ShopifyClient shopifyClient(
            ShopifyProperties properties,
            ObjectProvider<RestClient.Builder> restClients,
            ObjectProvider<ObjectMapper> objectMapper,
            ObjectProvider<RetryRegistry> retryRegistry,
            ObjectProvider<CircuitBreakerRegistry> circuitBreakerRegistry,
            ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<ObservationRegistry> observationRegistry) {
        return client(
                properties,
                restClients.getIfAvailable(RestClient::builder),
                objectMapper.getIfAvailable(ObjectMapper::new),
                retryRegistry.getIfAvailable(RetryRegistry::ofDefaults),
                circuitBreakerRegistry.getIfAvailable(CircuitBreakerRegistry::ofDefaults),
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new),
                observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    SkuResolver skuResolver(ShopifyClient client, SkuLineProperties properties, ObjectProvider<MeterRegistry> meters) {
        var resolver = new SkuResolver(client.variants(), properties, Ticker.systemTicker());
        meters.ifAvailable(
                registry -> CaffeineCacheMetrics.monitor(registry, resolver.cache(), "shopify.sku-variants"));
        return resolver;
    }

    @Bean
    ShopifyOrders shopifyOrders(ShopifyClient client, SkuResolver skuResolver) {
        return new SkuResolvingShopifyOrders(client.orders(), skuResolver);
    }

    @Bean
    ShopifyFulfillments shopifyFulfillments(ShopifyClient client) {
        return client.fulfillments();
    }

    @Bean
    ShopifyCancellations shopifyCancellations(ShopifyClient client) {
        return client.cancellations();
    }

    @Bean
    ShopifyAccessScopes shopifyAccessScopes(ShopifyClient client) {
        return client.accessScopes();
    }

    @Bean
    ShopifyInstallations shopifyInstallations(ShopifyClient client) {
        return client.installations();
    }

    @Bean
    ShopifyOrderFeed shopifyOrderFeed(ShopifyClient client) {
        return client.orderFeed();
    }

    @Bean
    ShopifyBulkQueries shopifyBulkQueries(ShopifyClient client) {
        return client.bulkQueries();
    }

    @Bean
    ShopifyFulfillmentService shopifyFulfillmentService(ShopifyClient client) {
        return client.fulfillmentService();
    }

    @Bean
    ShopifyWebhookSubscriptions shopifyWebhookSubscriptions(ShopifyClient client) {
        return client.webhookSubscriptions();
    }

    static ShopifyOrders assemble(
            ShopifyProperties properties,
            RestClient.Builder restClient,
            ObjectMapper json,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers) {
        return client(
                        properties,
                        restClient,
                        json,
                        retries,
                        circuitBreakers,
                        new SimpleMeterRegistry(),
                        ObservationRegistry.NOOP)
                .orders();
    }

    /**
     * @param observations where each call and each GraphQL request is a span, with the request's cost and the waits
     *     before it; the RestClient's own observation (from Boot's builder) adds the HTTP client span under it
     */
    static ShopifyClient client(
            ShopifyProperties properties,
            RestClient.Builder restClient,
            ObjectMapper json,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            MeterRegistry meters,
            ObservationRegistry observations) {
        var requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build());
        requestFactory.setReadTimeout(properties.readTimeout());
        var transport = new AdminGraphqlTransport(
                restClient.requestFactory(requestFactory).build(),
                properties,
                new CostBudget(properties.budget()),
                json,
                meters,
                observations);
        var resilience = new ShopifyResilience(properties, retries, circuitBreakers, observations);
        var installations = new InstallationAccessScopes(properties, transport, resilience);
        // One transport, hence one cost budget per shop, and one breaker per shop for pushes and reads alike.
        return new ShopifyClient(
                new DuplicateSafeShopifyOrders(properties, transport, resilience),
                new DuplicateSafeShopifyFulfillments(properties, transport, resilience),
                new ShopifyOrderReader(properties, transport, resilience),
                new ShopifyBulkQueryClient(properties, transport, resilience),
                new AdminWebhookSubscriptions(properties, transport, resilience),
                new OrderCancellations(transport, resilience),
                installations,
                installations::installation,
                new ShopifyVariantLookup(transport, resilience),
                new AdminFulfillmentServices(properties, transport, resilience));
    }

    record ShopifyClient(
            ShopifyOrders orders,
            ShopifyFulfillments fulfillments,
            ShopifyOrderFeed orderFeed,
            ShopifyBulkQueries bulkQueries,
            ShopifyWebhookSubscriptions webhookSubscriptions,
            ShopifyCancellations cancellations,
            ShopifyAccessScopes accessScopes,
            ShopifyInstallations installations,
            VariantLookup variants,
            ShopifyFulfillmentService fulfillmentService) {}
}
