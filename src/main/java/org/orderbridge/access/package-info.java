/**
 * The access scopes each connected shop granted the app, read on start and hourly and held against what each feature
 * needs: a missing scope is reported per shop and feature (health detail, gauge, the ops console), never as the
 * instance being down.
 */
@ApplicationModule(
        displayName = "Shopify access scopes",
        allowedDependencies = {"shopify", "platform"})
@NullMarked
package org.orderbridge.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
