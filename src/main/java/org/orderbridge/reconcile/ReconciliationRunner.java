package org.orderbridge.reconcile;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.orderbridge.shopify.ShopifyOrderFeed;

/**
 * Runs the passes that are due, as one owner (one per instance): claims a due shop, runs its pass, and claims the next
 * until none is due. Any number of runners may work at once, in one instance or many: the claim decides.
 */
class ReconciliationRunner {

    private final ShopLeases leases;
    private final ReconciliationPass pass;
    private final ShopifyOrderFeed feed;
    private final ReconciliationProperties properties;
    private final String owner;

    ReconciliationRunner(
            ShopLeases leases,
            ReconciliationPass pass,
            ShopifyOrderFeed feed,
            ReconciliationProperties properties,
            String owner) {
        this.leases = leases;
        this.pass = pass;
        this.feed = feed;
        this.properties = properties;
        this.owner = owner;
    }

    /** Runs every due pass of the configured shops; returns what they did. */
    List<ReconciliationPass.Result> runDue(BooleanSupplier carryOn) {
        Set<String> shops = feed.shops();
        leases.register(shops, properties.interval());
        return runDue(shops, carryOn);
    }

    /** Runs the due passes of these shops only. */
    List<ReconciliationPass.Result> runDue(Set<String> shops, BooleanSupplier carryOn) {
        var results = new ArrayList<ReconciliationPass.Result>();
        Optional<ShopLeases.Claim> claim;
        while (carryOn.getAsBoolean() && (claim = leases.claimDue(shops, owner, properties.lease())).isPresent()) {
            results.add(pass.run(claim.get(), carryOn));
        }
        return results;
    }

    /** How long until the next pass of a configured shop is due (or its lease runs out). */
    Duration nextDueIn() {
        return leases.nextDueIn(feed.shops()).orElse(properties.interval());
    }

    String owner() {
        return owner;
    }

    /** Host, process and a random part: two runners never share an owner, also not in one process. */
    static String newOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String id = host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }
}
