package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

@OrderBridgeTest
class OrderQueryApiTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void rejectsRequestWithoutApiKey() {
        var response = rest.getForEntity("/api/v1/orders", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersMalformedOrderIdWithProblem() {
        var headers = new HttpHeaders();
        headers.set("X-API-Key", "local-read-key-00001");
        var response =
                rest.exchange("/api/v1/orders/not-a-uuid", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("not an order id");
    }
}
