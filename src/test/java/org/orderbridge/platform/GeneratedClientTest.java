package org.orderbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.client.ApiClient;
import org.orderbridge.client.ApiException;
import org.orderbridge.client.api.OrdersApi;
import org.orderbridge.client.api.ShipmentsApi;
import org.orderbridge.client.model.AddressRequest;
import org.orderbridge.client.model.CreateOrderRequest;
import org.orderbridge.client.model.CreateShipmentRequest;
import org.orderbridge.client.model.CustomerRequest;
import org.orderbridge.client.model.ItemRequest;
import org.orderbridge.client.model.LineRequest;
import org.orderbridge.client.model.OrderView;
import org.orderbridge.client.model.Problem;
import org.orderbridge.client.model.ShipmentView;
import org.orderbridge.client.model.TrackingRequest;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.Fault;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API as a new client team meets it: through a client generated from docs/openapi.json by openapi-generator
 * (Java, native library; see the pom), with nothing hand-written between the test and the wire. Each flow runs
 * against the service on the embedded services, pushing to the Shopify simulator.
 */
@OrderBridgeTest
class GeneratedClientTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    ShopifySimulator shopify;

    OrdersApi writer;
    OrdersApi reader;
    OrdersApi admin;
    ShipmentsApi shipments;

    @BeforeEach
    void clients() {
        writer = new OrdersApi(client(PushFixtures.WRITE_KEY));
        reader = new OrdersApi(client(PushFixtures.READ_KEY));
        admin = new OrdersApi(client(PushFixtures.ADMIN_KEY));
        shipments = new ShipmentsApi(client(PushFixtures.WRITE_KEY));
    }

    @Test
    void acceptsAnOrderOnceAndReadsItBackPushed() throws Exception {
        CreateOrderRequest request = order("ext-client-" + UUID.randomUUID(), PushFixtures.SHOP);

        OrderView accepted = writer.createOrder(request);
        OrderView again = writer.createOrder(request);

        assertThat(accepted.getStatus()).isEqualTo(OrderView.StatusEnum.PENDING_PUSH);
        assertThat(again.getId()).isEqualTo(accepted.getId());
        OrderView pushed = awaitOrder(accepted.getId(), OrderView.StatusEnum.PUSHED);
        assertThat(pushed.getShopifyOrderId()).isPositive();
        assertThat(pushed.getLineItems())
                .singleElement()
                .satisfies(line -> assertThat(line.getSku()).isEqualTo("ENGINE-1"));
        assertThat(reader.listOrders(PushFixtures.SHOP, "PUSHED", pushed.getUpdatedAt(), null, 500)
                        .getItems())
                .extracting(OrderView::getId)
                .contains(pushed.getId());
    }

    @Test
    void pushesAnOrderShopifyRefusedAgainAndCancelsAnother() throws Exception {
        shopify.faults()
                .forShop(PushFixtures.FAULTY_SHOP)
                .nextFor("orderCreate", 2, Fault.userError("Variant is sold out"));
        String repushed = writer.createOrder(order("ext-client-" + UUID.randomUUID(), PushFixtures.FAULTY_SHOP))
                .getId();
        String withdrawn = writer.createOrder(order("ext-client-" + UUID.randomUUID(), PushFixtures.FAULTY_SHOP))
                .getId();
        assertThat(awaitOrder(repushed, OrderView.StatusEnum.PUSH_FAILED).getLastError())
                .isEqualTo("Variant is sold out");
        awaitOrder(withdrawn, OrderView.StatusEnum.PUSH_FAILED);

        assertThat(admin.repushOrder(repushed).getStatus()).isEqualTo(OrderView.StatusEnum.PENDING_PUSH);
        assertThat(writer.cancelOrder(withdrawn, null).getStatus()).isEqualTo(OrderView.StatusEnum.CANCELLED);

        awaitOrder(repushed, OrderView.StatusEnum.PUSHED);
        // In Shopify now: cancelling it there takes a reason and a restock decision.
        Problem refused = problem(() -> writer.cancelOrder(repushed, null), 400);
        assertThat(refused.getDetail()).contains("reason", "restock");
        assertThat(reader.getOrder(withdrawn).getStatus()).isEqualTo(OrderView.StatusEnum.CANCELLED);
    }

    @Test
    void shipsAnOrderChangesTheTrackingAndCancelsTheShipment() throws Exception {
        String orderId = writer.createOrder(order("ext-client-" + UUID.randomUUID(), PushFixtures.SHOP))
                .getId();
        awaitOrder(orderId, OrderView.StatusEnum.PUSHED);

        ShipmentView reported = shipments.createShipment(
                orderId,
                new CreateShipmentRequest()
                        .shipmentId("client-1")
                        .items(List.of(new ItemRequest().sku("ENGINE-1").quantity(2)))
                        .carrier("UPS")
                        .trackingNumbers(List.of("1Z-CLIENT-1"))
                        .trackingUrl("https://track.example.com/1Z-CLIENT-1")
                        .notifyCustomer(true));

        assertThat(reported.getStatus()).isEqualTo(ShipmentView.StatusEnum.PENDING_PUSH);
        ShipmentView fulfilled = awaitShipment(orderId, "client-1", ShipmentView.StatusEnum.FULFILLED);
        assertThat(fulfilled.getFulfillments())
                .singleElement()
                .satisfies(f -> assertThat(f.getShopifyFulfillmentId()).isPositive());
        assertThat(reader.getOrder(orderId).getShipments())
                .extracting(ShipmentView::getShipmentId)
                .containsExactly("client-1");

        ShipmentView retracked = shipments.replaceShipmentTracking(
                orderId, "client-1", new TrackingRequest().carrier("DHL").trackingNumbers(List.of("JD-CLIENT-1")));
        assertThat(retracked.getTrackingNumbers()).containsExactly("JD-CLIENT-1");

        shipments.cancelShipment(orderId, "client-1");
        awaitShipment(orderId, "client-1", ShipmentView.StatusEnum.CANCELLED);
        assertThat(shipments.listShipments(orderId))
                .singleElement()
                .satisfies(s -> assertThat(s.getStatus()).isEqualTo(ShipmentView.StatusEnum.CANCELLED));
    }

    @Test
    void readsProblemsAsDocumented() {
        CreateOrderRequest invalid =
                order("ext-client-" + UUID.randomUUID(), PushFixtures.SHOP).currency("");

        Problem forbidden = problem(() -> reader.createOrder(invalid), 403);
        Problem badRequest = problem(() -> writer.createOrder(invalid), 400);

        assertThat(forbidden.getStatus()).isEqualTo(403);
        assertThat(badRequest.getErrors())
                .anySatisfy(error -> assertThat(error.getField()).isEqualTo("currency"));
        assertThat(problem(() -> reader.getOrder(UUID.randomUUID().toString()), 404)
                        .getTitle())
                .isEqualTo("Not Found");
    }

    private ApiClient client(String apiKey) {
        var client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        // The native library leaves authentication to the caller; the document names the header.
        client.setRequestInterceptor(request -> request.header("X-API-Key", apiKey));
        return client;
    }

    private static CreateOrderRequest order(String externalId, String shop) {
        var address = new AddressRequest()
                .firstName("Ada")
                .lastName("Lovelace")
                .address1("1 Analytical Way")
                .city("London")
                .zip("N1 9GU")
                .countryCode("GB");
        return new CreateOrderRequest()
                .externalId(externalId)
                .shop(shop)
                .customer(new CustomerRequest().email("client@example.com").firstName("Ada"))
                .shippingAddress(address)
                .lineItems(List.of(new LineRequest()
                        .sku("ENGINE-1")
                        .title("Difference engine")
                        .quantity(2)
                        .unitPrice("19.90")))
                .currency("GBP");
    }

    private OrderView awaitOrder(String id, OrderView.StatusEnum status) {
        return await().atMost(WAIT).until(() -> reader.getOrder(id), order -> order.getStatus() == status);
    }

    private ShipmentView awaitShipment(String orderId, String shipmentId, ShipmentView.StatusEnum status) {
        return await().atMost(WAIT)
                .until(() -> shipments.getShipment(orderId, shipmentId), shipment -> shipment.getStatus() == status);
    }

    /** The call's failure, as the generated client reports it, read as the problem the document promises. */
    private Problem problem(Callable<?> call, int status) {
        ApiException failure = catchThrowableOfType(ApiException.class, call::call);
        assertThat(failure).as("refused with " + status).isNotNull();
        assertThat(failure.getCode()).isEqualTo(status);
        assertThat(failure.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        try {
            return new ApiClient().getObjectMapper().readValue(failure.getResponseBody(), Problem.class);
        } catch (Exception e) {
            throw new AssertionError("not a problem: " + failure.getResponseBody(), e);
        }
    }
}
