/**
 * The ops console at {@code /ops}: orders, shipments and shops (missing access scopes) that need a person, dead letters and their re-drive, and the
 * last hour of this instance's own metrics, for operators with an admin key.
 */
@ApplicationModule(
        displayName = "Ops console",
        allowedDependencies = {"order", "shipment", "deadletter", "access", "platform :: web"})
@NullMarked
package org.orderbridge.ops;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
