package org.orderbridge.fulfillmentservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.orderbridge.shopify.FulfillmentServiceProperties;
import org.orderbridge.shopify.FulfillmentServiceProperties.AcceptRule;
import org.orderbridge.shopify.FulfillmentServiceProperties.Mode;
import org.orderbridge.shopify.ShopifyFulfillmentService;
import org.orderbridge.shopify.ShopifyFulfillmentService.Registration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registration looks before it creates, and a create lost to another instance finds that instance's service. */
@Tag("unit")
class FulfillmentServiceRegistrationsTest {

    private static final String SHOP = "threepl.myshopify.com";
    private static final FulfillmentServiceProperties.Shop SETTINGS = new FulfillmentServiceProperties.Shop(
            Mode.FULFILLMENT_SERVICE, "Warehouse", URI.create("https://wh.example.com/fs"), AcceptRule.MANUAL);
    private static final Registration REGISTERED =
            new Registration("gid://shopify/FulfillmentService/1", "Warehouse", "gid://shopify/Location/9", null);

    private final ShopifyFulfillmentService shopify = mock(ShopifyFulfillmentService.class);
    private final JdbcClient jdbc = mock(JdbcClient.class, Answers.RETURNS_DEEP_STUBS);
    private final FulfillmentServiceRegistrations registrations = new FulfillmentServiceRegistrations(
            shopify, mock(FulfillmentServiceProperties.class), jdbc, new SimpleMeterRegistry(), Clock.systemUTC());

    @Test
    void anExistingServiceIsUsedWithoutACreate() {
        when(shopify.find(SHOP, "Warehouse")).thenReturn(Optional.of(REGISTERED));

        assertThat(registrations.check(SHOP, SETTINGS)).contains(REGISTERED);
        verify(shopify, never()).register(anyString(), anyString(), anyString());
    }

    @Test
    void aCreateRefusedBecauseAnotherInstanceWasFasterFindsItsService() {
        when(shopify.find(SHOP, "Warehouse")).thenReturn(Optional.empty(), Optional.of(REGISTERED));
        when(shopify.register(any(), any(), any())).thenThrow(new IllegalStateException("Name has already been taken"));

        assertThat(registrations.check(SHOP, SETTINGS)).contains(REGISTERED);
    }

    @Test
    void aFailureIsRecordedAndStopsNothing() {
        when(shopify.find(SHOP, "Warehouse")).thenThrow(new IllegalStateException("no access token"));

        assertThat(registrations.check(SHOP, SETTINGS)).isEmpty();
    }

    @Test
    void healthShowsTheLastCheckOfThisInstanceWithoutAskingTheDatabase() {
        when(shopify.find(SHOP, "Warehouse"))
                .thenReturn(Optional.of(REGISTERED))
                .thenThrow(new IllegalStateException("Shopify unavailable"));

        registrations.check(SHOP, SETTINGS);
        assertThat(registrations.states())
                .containsEntry(
                        SHOP,
                        Map.of(
                                "service",
                                "gid://shopify/FulfillmentService/1",
                                "location",
                                "gid://shopify/Location/9"));

        registrations.check(SHOP, SETTINGS);
        assertThat(registrations.states())
                .containsEntry(
                        SHOP,
                        Map.of(
                                "service",
                                "gid://shopify/FulfillmentService/1",
                                "location",
                                "gid://shopify/Location/9",
                                "error",
                                "Shopify unavailable"));
        verify(jdbc, never()).sql(startsWith("select"));
    }
}
