package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.ADMIN_KEY;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.EXPIRED_KEY;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.LIMITED_SHOP;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.READ_KEY;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.REPORT_KEY;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.SHOP_KEY;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.WRITE_KEY;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderbridge.platform.http.ApiSecurityTestConfiguration;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.ShopifyOrders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.ObjectMapper;

/**
 * The order API's answers to what goes wrong, in the web layer alone: the service behind the controllers is
 * a mock, so each refusal is pinned to its status and problem body without a database or a queue.
 */
// Other features' controller advice would need their features' beans; the platform's is the one under test.
@WebMvcTest(
        controllers = {OrderQueryController.class, OrderCommandController.class},
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.orderbridge\\.(?!order\\.|platform\\.).*"),
        properties = {
            ApiSecurityTestConfiguration.API_KEYS,
            ApiSecurityTestConfiguration.SHOP_KEY_LIMITS,
            ApiSecurityTestConfiguration.EXPIRED_KEY_LIMITS
        })
@Tag("slice")
@Import({ApiSecurityTestConfiguration.class, OrderApiAuthorization.class})
class OrderApiProblemsTest {

    private static final String SHOP = PushFixtures.SHOP;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ObjectMapper json;

    @MockitoBean
    Orders orders;

    @MockitoBean
    ShopifyOrders shopify;

    @BeforeEach
    void shopIsConnected() {
        given(shopify.knowsShop(SHOP)).willReturn(true);
    }

    @Test
    void acceptsValidOrderWith201AndLocation() {
        Order order = OrderFixtures.accepted(SHOP, "ext-1", OrderFixtures.ACCEPTED_AT);
        given(orders.accept(any())).willReturn(new Orders.Intake(order, true));

        var result = post("/api/v1/orders", WRITE_KEY, orderRequest());

        assertThat(result).hasStatus(201).hasHeader("Location", "/api/v1/orders/" + order.id());
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PENDING_PUSH");
        assertThat(result).bodyJson().extractingPath("$.total.amount").isEqualTo("54.95");
    }

    @Test
    void answersRetryOfAcceptedOrderWith200() {
        Order order = OrderFixtures.accepted(SHOP, "ext-1", OrderFixtures.ACCEPTED_AT);
        given(orders.accept(any())).willReturn(new Orders.Intake(order, false));

        var result = post("/api/v1/orders", WRITE_KEY, orderRequest());

        assertThat(result).hasStatus(200).doesNotContainHeader("Location");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.id")
                .isEqualTo(order.id().toString());
    }

    @Test
    void listsEveryFieldErrorOfAnInvalidOrder() {
        var request = orderRequest();
        request.put("shop", "");
        request.put("currency", "XYZ");
        request.put("customer", Map.of("email", "not-an-email"));
        request.put("shippingAddress", Map.of("address1", "1 Analytical Way", "city", "London", "countryCode", "gb"));
        request.put("lineItems", List.of(Map.of("title", "No sku", "quantity", 0, "unitPrice", "12,50")));
        request.put("tags", List.of(" ", "x".repeat(41)));

        var result = post("/api/v1/orders", WRITE_KEY, request);

        assertProblem(result, 400);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder(
                        // blank, and so not a shop domain either
                        "shop",
                        "shop",
                        "currency",
                        "customer.email",
                        "shippingAddress.countryCode",
                        "lineItems[0].quantity",
                        "lineItems[0].unitPrice",
                        "lineItems[0].skuOrVariantId",
                        "tags[0]",
                        "tags[1]");
        verifyNoInteractions(orders);
    }

    @Test
    void listsEveryFieldErrorOfInvalidCommercialTerms() {
        var request = orderRequest();
        request.put(
                "lineItems",
                List.of(Map.of(
                        "sku",
                        "ENGINE-1",
                        "title",
                        "Difference engine",
                        "quantity",
                        1,
                        "unitPrice",
                        "19.90",
                        "discount",
                        Map.of("amount", "25.00", "percentage", "150", "description", "Too generous"),
                        "taxLines",
                        List.of(Map.of("title", "VAT", "rate", "19", "price", "3,80")))));
        request.put("taxLines", List.of(Map.of("title", "VAT", "rate", "0.19", "price", "-1.00")));
        request.put("shippingLines", List.of(Map.of("title", "Standard", "price", "-4.90")));
        request.put("discount", Map.of("code", "FREESHIP", "type", "FREE_SHIPPING", "value", "4.90"));
        request.put(
                "transactions",
                List.of(Map.of("kind", "PAYMENT", "amount", "12.5.0", "status", "OK"), Map.of("kind", "SALE")));
        request.put("financialStatus", "SETTLED");
        request.put("presentment", Map.of("currency", "USD"));
        request.put("companyLocationId", "1234");
        request.put("customAttributes", List.of(Map.of("name", "", "value", "x")));
        request.put("processedAt", java.time.Instant.now().plusSeconds(3600).toString());

        var result = post("/api/v1/orders", WRITE_KEY, request);

        assertProblem(result, 400);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder(
                        "lineItems[0].discount.amountOrPercentage",
                        "lineItems[0].discount.percentageAtMostAHundred",
                        "lineItems[0].discountWithinTheLine",
                        "lineItems[0].taxLines[0].rate",
                        "lineItems[0].taxLines[0].price",
                        "taxLines[0].price",
                        "taxedOnOneLevel",
                        "oneKindOfDiscount",
                        "shippingLines[0].price",
                        "discount.valueAsTheTypeNeeds",
                        "transactions[0].kind",
                        "transactions[0].amount",
                        "transactions[0].status",
                        "transactions[1].amount",
                        "transactions[1].status",
                        "financialStatus",
                        "presentment.rate",
                        "companyLocationId",
                        "customAttributes[0].name",
                        "processedAt");
        verifyNoInteractions(orders);
    }

    @Test
    void refusesAPresentmentCurrencyThatIsTheOrdersOwn() {
        var request = orderRequest();
        request.put("presentment", Map.of("currency", "GBP", "rate", "1"));

        var result = post("/api/v1/orders", WRITE_KEY, request);

        assertProblem(result, 400);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].message")
                .asArray()
                .containsExactly("presentment.currency must differ from currency; leave presentment out otherwise");
    }

    @Test
    void refusesShippingAndTaxSettingsOnAVariantsLineNamingTheLine() {
        var request = orderRequest();
        request.put(
                "lineItems",
                List.of(
                        Map.of("sku", "ENGINE-1", "title", "Engine", "quantity", 1, "unitPrice", "1.00"),
                        Map.of(
                                "variantId",
                                4711,
                                "title",
                                "Punched card",
                                "quantity",
                                1,
                                "unitPrice",
                                "5.05",
                                "requiresShipping",
                                true)));

        var result = post("/api/v1/orders", WRITE_KEY, request);

        assertProblem(result, 400);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("lineItems[1].customLineSettingsWithoutVariant");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .isEqualTo("requiresShipping and taxable apply to lines without variantId only");
        verifyNoInteractions(orders);
    }

    @Test
    void refusesAShippingSettingThatIsNotABoolean() {
        var request = orderRequest();
        request.put(
                "lineItems",
                List.of(Map.of(
                        "sku",
                        "SETUP",
                        "title",
                        "Setup",
                        "quantity",
                        1,
                        "unitPrice",
                        "1.00",
                        "requiresShipping",
                        "maybe")));

        assertProblem(post("/api/v1/orders", WRITE_KEY, request), 400);
        verifyNoInteractions(orders);
    }

    @Test
    void passesACustomLinesShippingAndTaxSettingsOnToTheOrder() {
        Order order = OrderFixtures.accepted(SHOP, "ext-1", OrderFixtures.ACCEPTED_AT);
        given(orders.accept(any())).willReturn(new Orders.Intake(order, true));
        var request = orderRequest();
        request.put(
                "lineItems",
                List.of(Map.of(
                        "sku",
                        "SETUP",
                        "title",
                        "Setup",
                        "quantity",
                        1,
                        "unitPrice",
                        "1.00",
                        "requiresShipping",
                        false,
                        "taxable",
                        true)));

        assertThat(post("/api/v1/orders", WRITE_KEY, request)).hasStatus(201);
        then(orders).should().accept(argThat(accepted -> {
            var line = accepted.lineItems().getFirst();
            return Boolean.FALSE.equals(line.requiresShipping()) && Boolean.TRUE.equals(line.taxable());
        }));
    }

    @Test
    void refusesBodyThatIsNotJson() {
        var result = mvc.post()
                .uri("/api/v1/orders")
                .header("X-API-Key", WRITE_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"externalId\": ")
                .exchange();

        assertProblem(result, 400);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().doesNotContain("Jackson");
        verifyNoInteractions(orders);
    }

    @Test
    void refusesOrderForShopThatIsNotConnectedWith422() {
        var request = orderRequest();
        request.put("shop", "not-connected.myshopify.com");

        var result = post("/api/v1/orders", WRITE_KEY, request);

        assertProblem(result, 422);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("not-connected.myshopify.com");
        verifyNoInteractions(orders);
    }

    @Test
    void answersExternalIdTakenByOtherContentWith409NamingTheExistingOrder() {
        OrderId existing = OrderId.newId();
        given(orders.accept(any())).willThrow(new ExternalIdConflictException(SHOP, "ext-1", existing));

        var result = post("/api/v1/orders", WRITE_KEY, orderRequest());

        assertProblem(result, 409);
        assertThat(result).bodyJson().extractingPath("$.existingOrderId").isEqualTo(existing.toString());
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("ext-1");
    }

    @Test
    void answersUnknownOrderWith404() {
        given(orders.find(any())).willReturn(Optional.empty());
        String id = UUID.randomUUID().toString();

        assertProblem(get("/api/v1/orders/" + id, READ_KEY), 404);
    }

    @Test
    void answersCancelAndPushOfUnknownOrderWith404() {
        OrderId id = OrderId.newId();
        given(orders.cancel(id, null)).willThrow(new OrderNotFoundException(id));
        given(orders.requestRepush(id)).willThrow(new OrderNotFoundException(id));

        assertProblem(post("/api/v1/orders/" + id + "/cancel", WRITE_KEY, null), 404);
        assertProblem(post("/api/v1/orders/" + id + "/push", ADMIN_KEY, null), 404);
    }

    @Test
    void answersTransitionTheOrderRefusesWith409() {
        Order pushed = OrderFixtures.inStatus(OrderStatus.PUSHED);
        given(orders.cancel(pushed.id(), null)).willAnswer(call -> {
            pushed.withdraw(null, false, OrderFixtures.ACCEPTED_AT);
            return pushed;
        });
        given(orders.requestRepush(pushed.id())).willAnswer(call -> {
            pushed.requestRepush(OrderFixtures.ACCEPTED_AT);
            return pushed;
        });

        var cancel = post("/api/v1/orders/" + pushed.id() + "/cancel", WRITE_KEY, null);
        var push = post("/api/v1/orders/" + pushed.id() + "/push", ADMIN_KEY, null);

        assertProblem(cancel, 409);
        assertThat(cancel).bodyJson().extractingPath("$.detail").asString().contains("PUSHED", "cancelled");
        assertProblem(push, 409);
        assertThat(push).bodyJson().extractingPath("$.detail").asString().contains("PUSHED", "pushed again");
    }

    @Test
    void answersCancelWithReasonShopifyDoesNotKnowOrTooLongNoteWith400ListingEachField() {
        OrderId id = OrderId.newId();

        var response = post(
                "/api/v1/orders/" + id + "/cancel",
                WRITE_KEY,
                Map.of("reason", "BORED", "restock", true, "staffNote", "n".repeat(256)));

        assertProblem(response, 400);
        assertThat(response)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("reason", "staffNote");
        verifyNoInteractions(orders);
    }

    @Test
    void answersCancelOfOrderInShopifyWithoutReasonOrRestockWith400NamingThem() {
        Order pushed = OrderFixtures.inStatus(OrderStatus.PUSHED);
        given(orders.cancel(pushed.id(), new CancelOrderRequest(null, null, true, null, null)))
                .willAnswer(call -> {
                    call.<CancelOrderRequest>getArgument(1).forOrderInShopify(pushed.id());
                    return null;
                });

        var response = post("/api/v1/orders/" + pushed.id() + "/cancel", WRITE_KEY, Map.of("refund", true));

        assertProblem(response, 400);
        assertThat(response)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("reason", "restock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "12345", "0f8fad5b-d9cb-469f-a165-70867728950", "' OR '1'='1"})
    void answersMalformedOrderIdWith400OnEveryOrderPath(String id) {
        assertProblem(get("/api/v1/orders/" + id, READ_KEY), 400);
        assertProblem(post("/api/v1/orders/" + id + "/cancel", WRITE_KEY, null), 400);
        assertProblem(post("/api/v1/orders/" + id + "/push", ADMIN_KEY, null), 400);
        verifyNoInteractions(orders);
    }

    @Test
    void answersCursorItDidNotHandOutWith400() {
        var result = get("/api/v1/orders?cursor=bm90LWEtY3Vyc29y", READ_KEY);

        assertProblem(result, 400);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("start again without it");
        verifyNoInteractions(orders);
    }

    @Test
    void passesTheCursorItHandedOutBackToTheListing() {
        Order order = OrderFixtures.accepted();
        OrderCursor next = OrderCursor.after(order);
        given(orders.list(any(), any(), anyInt())).willReturn(new OrderPage(List.of(order), next));

        var first = get("/api/v1/orders?limit=1", READ_KEY);
        assertThat(first).hasStatus(200);
        assertThat(first).bodyJson().extractingPath("$.nextCursor").isEqualTo(next.encode());

        given(orders.list(new OrderFilter(SHOP, OrderStatus.PENDING_PUSH, null), next, 1))
                .willReturn(new OrderPage(List.of(), null));
        var second =
                get("/api/v1/orders?limit=1&shop=" + SHOP + "&status=PENDING_PUSH&cursor=" + next.encode(), READ_KEY);
        assertThat(second).hasStatus(200);
        assertThat(second).bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(second).bodyJson().doesNotHavePath("$.nextCursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=501", "limit=many", "status=LOST", "updatedSince=yesterday"})
    void answersInvalidListingParameterWith400(String parameter) {
        assertProblem(get("/api/v1/orders?" + parameter, READ_KEY), 400);
        verifyNoInteractions(orders);
    }

    @Test
    void refusesRequestWithoutKeyWith401AndWithTooWeakARoleWith403() {
        assertProblem(get("/api/v1/orders/" + UUID.randomUUID(), null), 401);
        assertProblem(post("/api/v1/orders", READ_KEY, orderRequest()), 403);
        assertProblem(post("/api/v1/orders/" + UUID.randomUUID() + "/push", WRITE_KEY, null), 403);
        verifyNoInteractions(orders);
    }

    @Test
    void aKeyLimitedToShopsFindsAnotherShopsOrderNotThere() {
        Order foreign = OrderFixtures.accepted();
        given(orders.find(foreign.id())).willReturn(Optional.of(foreign));

        assertProblem(get("/api/v1/orders/" + foreign.id(), SHOP_KEY), 404);
        assertProblem(post("/api/v1/orders/" + foreign.id() + "/cancel", SHOP_KEY, Map.of()), 404);
        assertThat(get("/api/v1/orders/" + foreign.id(), READ_KEY)).hasStatus(200);
    }

    @Test
    void aKeyLimitedToShopsSeesItsOwnShopsOrders() {
        Order own = OrderFixtures.accepted(LIMITED_SHOP, "ext-own", OrderFixtures.ACCEPTED_AT);
        given(orders.find(own.id())).willReturn(Optional.of(own));

        assertThat(get("/api/v1/orders/" + own.id(), SHOP_KEY)).hasStatus(200);
    }

    @Test
    void aKeyLimitedToShopsListsOnlyItsShops() {
        given(orders.list(any(), any(), anyInt())).willReturn(new OrderPage(List.of(), null));

        assertThat(get("/api/v1/orders?shop=" + SHOP, SHOP_KEY)).hasStatus(200);
        assertThat(get("/api/v1/orders", READ_KEY)).hasStatus(200);

        then(orders).should().list(argThat(f -> f.shops().equals(Set.of(LIMITED_SHOP))), any(), anyInt());
        then(orders).should().list(argThat(f -> f.shops().isEmpty()), any(), anyInt());
    }

    @Test
    void aKeyLimitedToShopsCreatesNoOrderForAnotherShop() {
        var result = post("/api/v1/orders", SHOP_KEY, orderRequest());

        assertProblem(result, 403);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(SHOP);
        verifyNoInteractions(orders);
    }

    @Test
    void aReportingKeySeesNoCustomerOrAddressInAnyAnswer() throws Exception {
        Order order = OrderFixtures.accepted();
        given(orders.find(order.id())).willReturn(Optional.of(order));
        given(orders.list(any(), any(), anyInt())).willReturn(new OrderPage(List.of(order), null));

        var one = get("/api/v1/orders/" + order.id(), REPORT_KEY);
        var page = get("/api/v1/orders", REPORT_KEY);

        assertThat(one).hasStatus(200);
        assertThat(one).bodyJson().extractingPath("$.lineItems").asArray().hasSize(2);
        assertThat(page)
                .bodyJson()
                .extractingPath("$.items[0].lineItems")
                .asArray()
                .hasSize(2);
        for (String field : List.of("customer", "shippingAddress", "billingAddress")) {
            assertThat(one).bodyJson().doesNotHavePath("$." + field);
            assertThat(page).bodyJson().doesNotHavePath("$.items[0]." + field);
        }
        assertThat(one.getResponse().getContentAsString()).doesNotContain(OrderFixtures.ADA.email());
        assertThat(get("/api/v1/orders/" + order.id(), READ_KEY))
                .bodyJson()
                .extractingPath("$.customer.email")
                .isEqualTo(OrderFixtures.ADA.email());
        assertProblem(post("/api/v1/orders", REPORT_KEY, orderRequest()), 403);
    }

    @Test
    void refusesAnExpiredKeyWith401SayingSo() {
        var result = get("/api/v1/orders", EXPIRED_KEY);

        assertProblem(result, 401);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("expired");
        verifyNoInteractions(orders);
    }

    private MvcTestResult get(String uri, String apiKey) {
        var request = mvc.get().uri(uri);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return request.exchange();
    }

    private MvcTestResult post(String uri, String apiKey, Object body) {
        var request = mvc.post().uri(uri).header("X-API-Key", apiKey);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return request.exchange();
    }

    private static void assertProblem(MvcTestResult result, int status) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
    }

    private static Map<String, Object> orderRequest() {
        return PushFixtures.orderRequest("ext-1", "ada@example.com");
    }
}
