package org.orderbridge.reliability;

import static org.orderbridge.reliability.HostileInputFixtures.concat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A request as bytes on the wire; by default well-formed, with Host, Content-Length and Connection: close. */
final class RawRequest {

    private final String method;
    private final String target;
    private final List<String> headers = new ArrayList<>();
    private final List<String> rawHeaders = new ArrayList<>();
    private byte[] body;
    private String contentLength;
    private boolean chunked;

    RawRequest(String method, String target) {
        this.method = method;
        this.target = target;
        header("Host", "127.0.0.1");
    }

    RawRequest header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    RawRequest replaceHeader(String name, String value) {
        removeHeader(name);
        return header(name, value);
    }

    RawRequest removeHeader(String name) {
        headers.removeIf(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
        return this;
    }

    /** Appended verbatim, so it may hold what a header must not: CR, LF, control or non-ASCII bytes. */
    RawRequest rawHeader(String line) {
        rawHeaders.add(line);
        return this;
    }

    RawRequest body(byte[] bytes) {
        this.body = bytes;
        if (headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Content-Type:", 0, 13))) {
            header("Content-Type", "application/json");
        }
        return this;
    }

    RawRequest json(Object value) {
        return body(HostileInputFixtures.json(value));
    }

    RawRequest text(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    RawRequest contentLength(long length) {
        return contentLength(String.valueOf(length));
    }

    RawRequest contentLength(String length) {
        this.contentLength = length;
        return this;
    }

    RawRequest chunked() {
        this.chunked = true;
        return this;
    }

    byte[] bytes() {
        var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        var all = new ArrayList<>(headers);
        if (chunked) {
            all.add("Transfer-Encoding: chunked");
        } else if (contentLength != null) {
            all.add("Content-Length: " + contentLength);
        } else if (body != null && headers.stream().noneMatch(h -> h.startsWith("Transfer-Encoding"))) {
            all.add("Content-Length: " + body.length);
        }
        all.add("Connection: close");
        all.addAll(rawHeaders);
        all.forEach(h -> head.append(h).append("\r\n"));
        head.append("\r\n");
        byte[] payload = body == null ? new byte[0] : chunked ? chunk(body) : body;
        return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), payload);
    }

    private static byte[] chunk(byte[] body) {
        var out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 65_536) {
            int length = Math.min(65_536, body.length - at);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
