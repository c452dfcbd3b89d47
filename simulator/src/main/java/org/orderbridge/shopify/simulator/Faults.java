package org.orderbridge.shopify.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults queued for the next matching GraphQL requests, in the order they were queued. */
public final class Faults {

    private final List<Rule> rules;
    private final String shop;

    Faults() {
        this(new CopyOnWriteArrayList<>(), null);
    }

    private Faults(List<Rule> rules, String shop) {
        this.rules = rules;
        this.shop = shop;
    }

    /**
     * The same queue, but faults queued through the result hit only requests for {@code shop}: tests sharing one
     * simulator keep their faults away from each other's orders.
     */
    public Faults forShop(String shop) {
        return new Faults(rules, shop);
    }

    /** The next {@code count} GraphQL requests, whatever they do, suffer {@code fault}. */
    public Faults next(int count, Fault fault) {
        return nextFor(null, count, fault);
    }

    /** The next {@code count} requests whose root field is {@code rootField} (e.g. "orderCreate") suffer {@code fault}. */
    public Faults nextFor(String rootField, int count, Fault fault) {
        rules.add(new Rule(shop, rootField, fault, new AtomicInteger(count)));
        return this;
    }

    /** Drops every queued fault, for all shops. */
    public void clear() {
        rules.clear();
    }

    Optional<Fault> take(String requestShop, List<String> rootFields) {
        for (Rule rule : rules) {
            if (rule.matches(requestShop, rootFields) && rule.remaining.getAndDecrement() > 0) {
                return Optional.of(rule.fault);
            }
        }
        rules.removeIf(rule -> rule.remaining.get() <= 0);
        return Optional.empty();
    }

    private record Rule(String shop, String rootField, Fault fault, AtomicInteger remaining) {

        boolean matches(String requestShop, List<String> rootFields) {
            return (shop == null || shop.equalsIgnoreCase(requestShop))
                    && (rootField == null || rootFields.contains(rootField));
        }
    }
}
