package org.orderbridge.access;

/** Runs the access check of one shop now rather than at the next hourly pass. */
public final class AccessFixtures {

    private AccessFixtures() {}

    /** @return whether Shopify could be asked */
    public static boolean checkNow(AccessScopes scopes, String shop) {
        return scopes.check(shop);
    }
}
