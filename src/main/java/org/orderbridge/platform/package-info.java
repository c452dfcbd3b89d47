/** Cross-cutting wiring: security, problem responses, health, SQS clients and listener containers, request limits. */
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
@NullMarked
package org.orderbridge.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
