package org.orderbridge.shopify.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults queued for the next matching GraphQL requests, in the order they were queued. */
public final class Faults {

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** The next {@code count} GraphQL requests, whatever they do, suffer {@code fault}. */
    public Faults next(int count, Fault fault) {
        return nextFor(null, count, fault);
    }

    /** The next {@code count} requests whose root field is {@code rootField} (e.g. "orderCreate") suffer {@code fault}. */
    public Faults nextFor(String rootField, int count, Fault fault) {
        rules.add(new Rule(rootField, fault, new AtomicInteger(count)));
        return this;
    }

    public void clear() {
        rules.clear();
    }

    Optional<Fault> take(List<String> rootFields) {
        for (Rule rule : rules) {
            if ((rule.rootField == null || rootFields.contains(rule.rootField)) && rule.remaining.getAndDecrement() > 0) {
                return Optional.of(rule.fault);
            }
        }
        rules.removeIf(rule -> rule.remaining.get() <= 0);
        return Optional.empty();
    }

    private record Rule(String rootField, Fault fault, AtomicInteger remaining) {
    }
}
