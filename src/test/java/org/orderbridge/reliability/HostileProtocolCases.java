package org.orderbridge.reliability;

import static org.orderbridge.reliability.HostileInputFixtures.ADMIN_KEY;
import static org.orderbridge.reliability.HostileInputFixtures.READ_KEY;
import static org.orderbridge.reliability.HostileInputFixtures.WRITE_KEY;
import static org.orderbridge.reliability.HostileInputFixtures.api;
import static org.orderbridge.reliability.HostileInputFixtures.concat;
import static org.orderbridge.reliability.HostileInputFixtures.intakeOrder;
import static org.orderbridge.reliability.HostileInputFixtures.refused;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.orderbridge.reliability.HostileInputFixtures.Effect;
import org.orderbridge.reliability.HostileInputFixtures.HostileCase;

/** The corpus's malformed HTTP: broken headers, contradictory lengths and codings, bad request lines. */
final class HostileProtocolCases {

    private HostileProtocolCases() {}

    static List<HostileCase> protocolCases() {
        var cases = new ArrayList<HostileCase>();
        cases.add(refused(
                "control byte in a header value",
                400,
                api("GET", "/api/v1/orders", READ_KEY)
                        .rawHeader("X-Note: a\u0001b")
                        .bytes()));
        cases.add(refused(
                "header name with a space",
                400,
                api("GET", "/api/v1/orders", READ_KEY).rawHeader("X Note: x").bytes()));
        cases.add(refused(
                "header line without a colon",
                400,
                api("GET", "/api/v1/orders", READ_KEY).rawHeader("garbage").bytes()));
        // RFC 9112 lets a server take a bare LF as a line end: two headers, and the first key counts.
        cases.add(new HostileCase(
                "bare LF inside a header value",
                api("GET", "/api/v1/orders?limit=1", READ_KEY)
                        .rawHeader("X-Note: a\nX-API-Key: " + ADMIN_KEY)
                        .bytes(),
                false,
                Set.of(200),
                Effect.NOTHING,
                body -> true));
        cases.add(refused(
                "non-numeric Content-Length",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .json(intakeOrder())
                        .contentLength("abc")
                        .bytes()));
        cases.add(refused(
                "negative Content-Length",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .json(intakeOrder())
                        .contentLength("-1")
                        .bytes()));
        cases.add(refused(
                "two different Content-Lengths",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .json(intakeOrder())
                        .rawHeader("Content-Length: 3")
                        .bytes()));
        // RFC 9112: Transfer-Encoding overrides Content-Length; the chunked body is the request.
        cases.add(new HostileCase(
                "Content-Length and chunked together",
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .json(intakeOrder())
                        .chunked()
                        .rawHeader("Content-Length: 3")
                        .bytes(),
                false,
                Set.of(201),
                Effect.CREATES_ORDER,
                body -> true));
        cases.add(refused(
                "unknown transfer coding",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .text("{}")
                        .header("Transfer-Encoding", "gzip, chunked, rot13")
                        .bytes()));
        cases.add(refused(
                "invalid chunk size",
                400,
                api("POST", "/api/v1/orders", WRITE_KEY)
                        .text("zz\r\n{}\r\n0\r\n\r\n")
                        .replaceHeader("Transfer-Encoding", "chunked")
                        .bytes()));
        cases.add(refused(
                "missing Host",
                400,
                api("GET", "/api/v1/orders", READ_KEY).removeHeader("Host").bytes()));
        cases.add(refused(
                "two Host headers",
                400,
                api("GET", "/api/v1/orders", READ_KEY)
                        .rawHeader("Host: evil.example")
                        .bytes()));
        cases.add(refused(
                "20 kB of headers",
                400,
                api("GET", "/api/v1/orders", READ_KEY)
                        .rawHeader("X-Padding: " + "p".repeat(20_000))
                        .bytes()));
        cases.add(refused(
                "space in the request target",
                400,
                api("GET", "/api/v1/orders/a b", READ_KEY).bytes()));
        cases.add(refused(
                "raw non-ASCII bytes in the request target",
                400,
                concat(
                        "GET /api/v1/orders/".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        (" HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + READ_KEY + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII))));
        cases.add(refused(
                "HTTP/9.9",
                505,
                ("GET /api/v1/orders HTTP/9.9\r\nHost: 127.0.0.1\r\nX-API-Key: " + READ_KEY
                                + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
        cases.add(refused(
                "request line of garbage",
                400,
                "\u0001\u0002\u0003 garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        cases.add(refused(
                "absolute-form target of another host",
                400,
                api("GET", "http://evil.example/api/v1/nothing", ADMIN_KEY).bytes()));
        return cases;
    }
}
