package org.orderbridge.reliability;

import static org.orderbridge.reliability.HostileInputFixtures.ADMIN_KEY;
import static org.orderbridge.reliability.HostileInputFixtures.PAYLOADS;
import static org.orderbridge.reliability.HostileInputFixtures.READ_KEY;
import static org.orderbridge.reliability.HostileInputFixtures.WRITE_KEY;
import static org.orderbridge.reliability.HostileInputFixtures.abbreviate;
import static org.orderbridge.reliability.HostileInputFixtures.api;
import static org.orderbridge.reliability.HostileInputFixtures.printable;
import static org.orderbridge.reliability.HostileInputFixtures.refused;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.orderbridge.reliability.HostileInputFixtures.Effect;
import org.orderbridge.reliability.HostileInputFixtures.HostileCase;

/**
 * The corpus's other API requests: the order and dead-letter reads and commands, and every endpoint's keys,
 * roles, methods and paths.
 */
final class HostileApiCases {

    private HostileApiCases() {}

    // --- GET /api/v1/orders[/{id}], POST /{id}/cancel, /{id}/push, dead-letter admin --------------------------

    static List<HostileCase> queryCases() {
        var cases = new ArrayList<HostileCase>();
        for (String payload : PAYLOADS) {
            String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8);
            boolean nul = payload.indexOf('\u0000') >= 0;
            String shown = printable(payload);
            byte[] byShop =
                    api("GET", "/api/v1/orders?shop=" + encoded, READ_KEY).bytes();
            cases.add(
                    nul
                            ? refused("list with shop = " + shown, 400, byShop)
                            : new HostileCase(
                                    "list with shop = " + shown,
                                    byShop,
                                    false,
                                    Set.of(200),
                                    Effect.NOTHING,
                                    body -> body.contains("\"items\":[]")));
            for (String parameter : List.of("status", "updatedSince", "cursor", "limit")) {
                cases.add(refused(
                        "list with " + parameter + " = " + shown,
                        400,
                        api("GET", "/api/v1/orders?" + parameter + "=" + encoded, READ_KEY)
                                .bytes()));
            }
            cases.add(refused(
                    "get order " + shown,
                    400,
                    api("GET", "/api/v1/orders/" + encoded, READ_KEY).bytes()));
            cases.add(refused(
                    "cancel order " + shown,
                    400,
                    api("POST", "/api/v1/orders/" + encoded + "/cancel", WRITE_KEY)
                            .bytes()));
            cases.add(refused(
                    "push order " + shown,
                    400,
                    api("POST", "/api/v1/orders/" + encoded + "/push", ADMIN_KEY)
                            .bytes()));
            cases.add(refused(
                    "dead letters of queue " + shown,
                    400,
                    api("GET", "/api/v1/admin/dead-letters?queue=" + encoded, ADMIN_KEY)
                            .bytes()));
            cases.add(refused(
                    "redrive of queue " + shown,
                    400,
                    api("POST", "/api/v1/admin/dead-letters/redrive?queue=" + encoded, ADMIN_KEY)
                            .bytes()));
        }
        for (String path : List.of(
                "..%2F..%2Fetc%2Fpasswd",
                "..%2f..%2fetc%2fpasswd",
                "%2e%2e%2fetc%2fpasswd",
                "..;%2F..;%2Fetc",
                "%00",
                "abc%00def",
                "..%5C..%5Cwindows",
                "%252e%252e%252f",
                "%C0%AF",
                "%FF%FE",
                "x".repeat(300),
                UUID.randomUUID() + "%00",
                UUID.randomUUID() + ";jsessionid=1",
                "%E2%80%AE" + UUID.randomUUID(),
                "00000000-0000-0000-0000-00000000000G")) {
            cases.add(refused(
                    "get order " + abbreviate(path),
                    400,
                    api("GET", "/api/v1/orders/" + path, READ_KEY).bytes()));
        }
        cases.add(refused(
                "get order with a 6000-character id",
                400,
                api("GET", "/api/v1/orders/" + "a".repeat(6000), READ_KEY).bytes()));
        cases.add(refused(
                "get order with a 20000-character id",
                400,
                api("GET", "/api/v1/orders/" + "a".repeat(20_000), READ_KEY).bytes()));
        cases.add(refused(
                "get unknown order",
                404,
                api("GET", "/api/v1/orders/" + UUID.randomUUID(), READ_KEY).bytes()));
        cases.add(refused(
                "list with limit 0",
                400,
                api("GET", "/api/v1/orders?limit=0", READ_KEY).bytes()));
        cases.add(refused(
                "list with limit 501",
                400,
                api("GET", "/api/v1/orders?limit=501", READ_KEY).bytes()));
        cases.add(refused(
                "list with limit above long",
                400,
                api("GET", "/api/v1/orders?limit=99999999999999999999999", READ_KEY)
                        .bytes()));
        cases.add(refused(
                "list with limit -1",
                400,
                api("GET", "/api/v1/orders?limit=-1", READ_KEY).bytes()));
        cases.add(refused(
                "list with a cursor of 10000 characters",
                400,
                api("GET", "/api/v1/orders?cursor=" + "A".repeat(10_000), READ_KEY)
                        .bytes()));
        cases.add(refused(
                "list with a cursor of a huge epoch",
                400,
                api(
                                "GET",
                                "/api/v1/orders?cursor="
                                        + Base64.getUrlEncoder()
                                                .withoutPadding()
                                                .encodeToString(("9".repeat(30) + ":0:" + UUID.randomUUID())
                                                        .getBytes(StandardCharsets.UTF_8)),
                                READ_KEY)
                        .bytes()));
        cases.add(refused(
                "list with updatedSince beyond year 1000000000",
                400,
                api("GET", "/api/v1/orders?updatedSince=+1000000000-01-01T00:00:00Z", READ_KEY)
                        .bytes()));
        cases.add(new HostileCase(
                "list with repeated shop parameters",
                api("GET", "/api/v1/orders?shop=a.myshopify.com&shop=b.myshopify.com", READ_KEY)
                        .bytes(),
                false,
                Set.of(200, 400),
                Effect.NOTHING,
                body -> true));
        cases.add(refused(
                "dead letters with max 0",
                400,
                api("GET", "/api/v1/admin/dead-letters?queue=push&max=0", ADMIN_KEY)
                        .bytes()));
        cases.add(refused(
                "dead letters without queue",
                400,
                api("GET", "/api/v1/admin/dead-letters", ADMIN_KEY).bytes()));
        cases.add(refused(
                "redrive with max 1001",
                400,
                api("POST", "/api/v1/admin/dead-letters/redrive?queue=push&max=1001", ADMIN_KEY)
                        .bytes()));
        return cases;
    }

    // --- keys, roles, methods, paths -------------------------------------------------------------------------

    static List<HostileCase> accessCases() {
        var cases = new ArrayList<HostileCase>();
        String order = "/api/v1/orders/" + UUID.randomUUID();
        record Endpoint(String method, String path, String tooWeakKey) {}
        var endpoints = List.of(
                new Endpoint("GET", "/api/v1/orders", null),
                new Endpoint("GET", order, null),
                new Endpoint("POST", "/api/v1/orders", READ_KEY),
                new Endpoint("POST", order + "/cancel", READ_KEY),
                new Endpoint("POST", order + "/push", WRITE_KEY),
                new Endpoint("GET", "/api/v1/admin/dead-letters?queue=push", WRITE_KEY),
                new Endpoint("POST", "/api/v1/admin/dead-letters/redrive?queue=push", WRITE_KEY),
                new Endpoint("POST", "/api/v1/admin/shops/ob-test.myshopify.com/backfill?since=2026-01-01", WRITE_KEY),
                new Endpoint("GET", "/api/v1/admin/shops/ob-test.myshopify.com/backfill", WRITE_KEY),
                new Endpoint("GET", "/actuator/prometheus", null));
        for (var endpoint : endpoints) {
            String name = endpoint.method() + " " + endpoint.path().replace(order, "/api/v1/orders/{id}");
            cases.add(refused(
                    name + " without key",
                    401,
                    api(endpoint.method(), endpoint.path(), null).json(Map.of()).bytes()));
            cases.add(refused(
                    name + " with unknown key",
                    401,
                    api(endpoint.method(), endpoint.path(), "local-admin-key-0002")
                            .json(Map.of())
                            .bytes()));
            cases.add(refused(
                    name + " with empty key",
                    401,
                    api(endpoint.method(), endpoint.path(), "").json(Map.of()).bytes()));
            cases.add(refused(
                    name + " with SQL as key",
                    401,
                    api(endpoint.method(), endpoint.path(), "' OR '1'='1")
                            .json(Map.of())
                            .bytes()));
            cases.add(refused(
                    name + " with wrong bearer token",
                    401,
                    api(endpoint.method(), endpoint.path(), null)
                            .header("Authorization", "Bearer " + ADMIN_KEY + "x")
                            .json(Map.of())
                            .bytes()));
            if (endpoint.tooWeakKey() != null) {
                cases.add(refused(
                        name + " with a key of too weak a role",
                        403,
                        api(endpoint.method(), endpoint.path(), endpoint.tooWeakKey())
                                .json(Map.of())
                                .bytes()));
            }
        }
        cases.add(refused(
                "admin key with a trailing no-break space",
                401,
                api("GET", "/api/v1/admin/dead-letters?queue=push", null)
                        .rawHeader("X-API-Key: " + ADMIN_KEY + "\u00a0")
                        .bytes()));
        cases.add(refused(
                "key prefixed by a Latin-1 byte",
                401,
                api("GET", "/api/v1/orders", null)
                        .rawHeader("X-API-Key: \u00ff" + READ_KEY)
                        .bytes()));
        cases.add(refused(
                "Basic authentication with an admin key",
                401,
                api("GET", "/api/v1/orders", null)
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        ("admin:" + ADMIN_KEY).getBytes(StandardCharsets.UTF_8)))
                        .bytes()));
        cases.add(refused(
                "CRLF in API key injecting a second key header",
                401,
                api("GET", "/api/v1/orders", null)
                        .rawHeader("X-API-Key: wrong-key-000000000\r\nX-API-Key: " + READ_KEY)
                        .bytes()));
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            cases.add(refused(
                    method + " on the orders collection",
                    405,
                    api(method, "/api/v1/orders", ADMIN_KEY).json(Map.of()).bytes()));
            cases.add(refused(
                    method + " on an order",
                    405,
                    api(method, order, ADMIN_KEY).json(Map.of()).bytes()));
        }
        cases.add(refused(
                "GET on cancel", 405, api("GET", order + "/cancel", ADMIN_KEY).bytes()));
        cases.add(refused(
                "GET on redrive",
                405,
                api("GET", "/api/v1/admin/dead-letters/redrive?queue=push", ADMIN_KEY)
                        .bytes()));
        cases.add(refused(
                "unknown API path",
                404,
                api("GET", "/api/v1/nothing-here", ADMIN_KEY).bytes()));
        cases.add(refused(
                "unknown API version",
                403,
                api("GET", "/api/v2/orders", ADMIN_KEY).bytes()));
        cases.add(refused(
                "unknown path without key", 401, api("GET", "/etc/passwd", null).bytes()));
        cases.add(refused(
                "unexposed actuator endpoint",
                403,
                api("GET", "/actuator/env", ADMIN_KEY).bytes()));
        cases.add(refused(
                "actuator shutdown",
                403,
                api("POST", "/actuator/shutdown", ADMIN_KEY).bytes()));
        cases.add(refused(
                "actuator heapdump",
                403,
                api("GET", "/actuator/heapdump", ADMIN_KEY).bytes()));
        cases.add(refused(
                "health with a traversal",
                400,
                api("GET", "/actuator/health/..%2F..%2Fenv", ADMIN_KEY).bytes()));
        // Tomcat refuses TRACE itself (allowTrace is off), before the security firewall sees it.
        cases.add(
                refused("TRACE", 405, api("TRACE", "/api/v1/orders", ADMIN_KEY).bytes()));
        cases.add(refused(
                "unknown method", 400, api("FROB", "/api/v1/orders", ADMIN_KEY).bytes()));
        return cases;
    }
}
