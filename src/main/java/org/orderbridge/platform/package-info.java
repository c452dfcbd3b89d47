/**
 * Infrastructure the feature modules share: SQS clients, listener containers and their batched deletes, the log of a
 * message's failed attempt, health checks under a deadline, background loops, leases in a module's own rows, and the
 * production environment check. Feature modules use these, and the named interface {@code web}
 * ({@code platform.web}: OpenAPI tags, and the beans that declare a module's own paths' security). The HTTP API's
 * wiring ({@code platform.http}) and the database's ({@code platform.database}) are the platform's own.
 */
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
@NullMarked
package org.orderbridge.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
