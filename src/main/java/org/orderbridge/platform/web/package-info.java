/**
 * What a feature module's web layer uses of the platform: the capability its controllers are documented under
 * ({@link org.orderbridge.platform.web.ApiTags}). The HTTP API's wiring is {@code platform.http}.
 */
@NamedInterface("web")
@NullMarked
package org.orderbridge.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
