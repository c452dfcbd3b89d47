package org.orderbridge.order;

import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.orderbridge.shopify.OrderDraft;
import org.orderbridge.shopify.ShopifyTotals;

/** Between an order's commercial terms and totals and the Shopify client's: the draft's part, and Shopify's answer. */
final class CommercialDrafts {

    private CommercialDrafts() {}

    static OrderDraft.Commercial of(Order order) {
        CommercialTerms terms = order.commercialTerms();
        if (terms.equals(CommercialTerms.NONE) && order.processedAt() == null) {
            return OrderDraft.Commercial.NONE;
        }
        // Percentages become the amounts the order's own total counts, so that Shopify is sent what we add up.
        ExpectedTotals expected = ExpectedTotals.of(order.lineItems(), terms, order.currency());
        List<OrderDraft.LineCharges> lines = terms.lines().isEmpty()
                ? List.of()
                : IntStream.range(0, order.lineItems().size())
                        .mapToObj(i -> {
                            CommercialTerms.LineTerms line = terms.line(i);
                            return new OrderDraft.LineCharges(
                                    line.discount() == null
                                            ? null
                                            : expected.lineDiscounts().get(i),
                                    line.discount() == null
                                            ? null
                                            : line.discount().description(),
                                    taxLines(line.taxLines()));
                        })
                        .toList();
        CommercialTerms.Discount discount = terms.discount();
        CommercialTerms.Presentment presentment = terms.presentment();
        return new OrderDraft.Commercial(
                lines,
                terms.shippingLines().stream()
                        .map(s -> new OrderDraft.ShippingLine(s.title(), s.code(), s.price(), taxLines(s.taxLines())))
                        .toList(),
                taxLines(terms.taxLines()),
                terms.taxesIncluded(),
                discount == null
                        ? null
                        : new OrderDraft.DiscountCode(
                                discount.code(), discount.type().name(), discount.value()),
                terms.transactions().stream()
                        .map(t -> new OrderDraft.Transaction(t.kind(), t.gateway(), t.amount(), t.status()))
                        .toList(),
                terms.financialStatus(),
                terms.poNumber(),
                presentment == null ? null : presentment.currency(),
                presentment == null ? null : presentment.rate(),
                terms.companyLocationId(),
                terms.customAttributes().stream()
                        .map(a -> new OrderDraft.Attribute(a.name(), a.value()))
                        .toList(),
                order.processedAt(),
                terms.test());
    }

    static @Nullable OrderTotals totals(@Nullable ShopifyTotals shopify) {
        return shopify == null
                ? null
                : new OrderTotals(
                        shopify.subtotal(),
                        shopify.shipping(),
                        shopify.tax(),
                        shopify.discounts(),
                        shopify.total(),
                        shopify.financialStatus());
    }

    private static List<OrderDraft.TaxLine> taxLines(List<CommercialTerms.TaxLine> taxLines) {
        return taxLines.stream()
                .map(t -> new OrderDraft.TaxLine(t.title(), t.rate(), t.price()))
                .toList();
    }
}
