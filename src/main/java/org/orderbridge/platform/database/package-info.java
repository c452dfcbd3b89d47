/** The database login that survives password rotation, and migrations that create objects as their owner. */
@NullMarked
package org.orderbridge.platform.database;

import org.jspecify.annotations.NullMarked;
