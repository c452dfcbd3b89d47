package org.orderbridge.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ALB ends TLS and forwards plain HTTP with {@code X-Forwarded-Proto}: a request the client made over HTTPS is
 * secure to the service, so browsers are told to keep to HTTPS (HSTS); one the client made over HTTP is not.
 */
@OrderBridgeTest
class ForwardedHttpsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void answersToHttpsRequestsCarryStrictTransportSecurity() throws Exception {
        for (var request : new HttpRequest.Builder[] {
            get("/actuator/health/liveness"),
            get("/api/v1/orders"),
            get("/ops"),
            HttpRequest.newBuilder(uri("/webhooks/shopify")).POST(HttpRequest.BodyPublishers.ofString("{}"))
        }) {
            HttpResponse<String> response = HTTP.send(
                    request.header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .as(response.request().uri().toString())
                    .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
        }
    }

    @Test
    void answersToPlainHttpRequestsDoNot() throws Exception {
        for (var forwarded : new String[] {"http", null}) {
            var request = get("/actuator/health/liveness");
            if (forwarded != null) {
                request.header("X-Forwarded-Proto", forwarded);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .isEmpty();
        }
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
