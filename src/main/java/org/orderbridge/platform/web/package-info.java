/**
 * What a feature module's web layer uses of the platform: the capability its controllers are documented under
 * ({@link org.orderbridge.platform.web.ApiTags}), and the beans by which it declares its own paths' security
 * ({@link org.orderbridge.platform.web.ApiAuthorization},
 * {@link org.orderbridge.platform.web.SelfAuthenticatedRequests}). The HTTP API's wiring that applies them is
 * {@code platform.http}.
 */
@NamedInterface("web")
@NullMarked
package org.orderbridge.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
