package org.orderbridge.order;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.orderbridge.platform.web.ApiCaller;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A key limited to shops finds another shop's order, and everything under it (shipments, push, cancel), not there: the
 * answer is the 404 of an order that does not exist, so a key learns nothing of other shops' orders. One check for
 * every path under {@code /api/v1/orders/{id}}, whichever feature serves it.
 */
@Component
class OrderShopScope implements HandlerInterceptor, WebMvcConfigurer {

    private final Orders orders;

    OrderShopScope(Orders orders) {
        this.orders = orders;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/orders/*", "/api/v1/orders/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        ApiCaller caller = ApiCaller.current();
        if (caller.shops().isEmpty()) {
            return true;
        }
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || !(variables.get("id") instanceof String id)) {
            return true;
        }
        OrderId orderId;
        try {
            orderId = OrderId.parse(id);
        } catch (InvalidOrderIdException malformed) {
            // The handler answers it with its own 400.
            return true;
        }
        boolean foreign = orders.find(orderId)
                .map(order -> !caller.mayAccess(order.shopDomain()))
                .orElse(false);
        if (foreign) {
            throw new OrderNotFoundException(orderId);
        }
        return true;
    }
}
