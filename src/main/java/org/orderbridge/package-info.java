/** The application: its entry point and the feature modules below it. */
@NullMarked
package org.orderbridge;

import org.jspecify.annotations.NullMarked;
