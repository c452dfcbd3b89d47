/**
 * The HTTP API's wiring: the security filter chains with the modules' rules, API keys and their roles, per-key rate
 * limits and request body limits, problem responses, and the OpenAPI document's conventions.
 */
@NullMarked
package org.orderbridge.platform.http;

import org.jspecify.annotations.NullMarked;
