package org.orderbridge.platform.web;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

/**
 * The API key a request came with, as far as a feature's answer depends on it: which shops it may see, and whether it
 * may see personal data (customers and addresses).
 *
 * @param keyName the key's name, never its secret
 * @param shops the shops whose orders the key may see and change; empty for every shop
 * @param personalData false for a reporting key: customer and address fields are masked in every answer
 */
public record ApiCaller(String keyName, Set<String> shops, boolean personalData) {

    /** The authority of keys that may see personal data. */
    public static final String PERSONAL_DATA = "PERSONAL_DATA";

    /** Work not started by an API request (the ops console's own pages, background work) is not limited. */
    private static final ApiCaller NOT_AN_API_REQUEST = new ApiCaller("", Set.of(), true);

    public ApiCaller {
        shops = Set.copyOf(shops);
    }

    /** The caller of the current request, or an unlimited one outside an API request. */
    public static ApiCaller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getDetails() instanceof Limits limits)) {
            return NOT_AN_API_REQUEST;
        }
        boolean personalData = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(PERSONAL_DATA::equals);
        return new ApiCaller(authentication.getName(), limits.shops(), personalData);
    }

    /**
     * Whether the authenticated key may act for every shop: work that concerns all shops at once (the dead-letter
     * queues, the audit log, the ops console) is refused to a key limited to shops.
     */
    public static boolean actsForEveryShop(@Nullable Authentication authentication) {
        return authentication == null
                || !(authentication.getDetails() instanceof Limits limits)
                || limits.shops().isEmpty();
    }

    /**
     * For an operation on a shop the request names: refused with 403 when the caller is limited to other shops (the
     * caller named the shop, so the refusal tells nothing it did not know).
     */
    public static void requireAccessTo(String shop) {
        if (!current().mayAccess(shop)) {
            throw new ErrorResponseException(
                    HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.FORBIDDEN, "This API key is limited to other shops than " + shop),
                    null);
        }
    }

    /** Whether the caller may see and change the orders of this shop. */
    public boolean mayAccess(@Nullable String shop) {
        return shops.isEmpty() || (shop != null && shops.contains(shop));
    }

    /** What the authentication of an API key carries besides its name and roles. */
    public record Limits(Set<String> shops) {

        public Limits {
            shops = Set.copyOf(shops);
        }
    }
}
