/** Dead-lettering poison messages with their reason, and listing and re-driving the dead-letter queues of every feature that declares one. */
@ApplicationModule(
        displayName = "Dead letters",
        allowedDependencies = {"platform", "platform :: web", "shop"})
@NullMarked
package org.orderbridge.deadletter;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
