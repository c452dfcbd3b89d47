package org.orderbridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages depend on each other only as their package-info declares, and never in a cycle. */
@Tag("unit")
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(OrderBridgeApplication.class);

    @Test
    void featureModulesKeepTheirDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void everyFeaturePackageIsAModule() {
        assertThat(MODULES.stream().map(module -> module.getBasePackage().getName()))
                .containsExactlyInAnyOrder(
                        "org.orderbridge.deadletter",
                        "org.orderbridge.ops",
                        "org.orderbridge.order",
                        "org.orderbridge.platform",
                        "org.orderbridge.push",
                        "org.orderbridge.reconcile",
                        "org.orderbridge.shipment",
                        "org.orderbridge.shopify",
                        "org.orderbridge.subscription",
                        "org.orderbridge.webhook");
    }
}
