package org.orderbridge.fulfillmentservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessResourceFailureException;

@Tag("unit")
class FulfillmentServiceHealthTest {

    private final FulfillmentServiceRegistrations registrations = mock(FulfillmentServiceRegistrations.class);
    private final FulfillmentServiceHealth health = new FulfillmentServiceHealth(registrations);

    @Test
    void namesEachShopsServiceAndLocation() {
        given(registrations.states())
                .willReturn(Map.of("threepl.myshopify.com", Map.of("service", "gid://shopify/FulfillmentService/1")));

        var answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getDetails()).containsKey("shops");
    }

    @Test
    void staysUpWithoutDetailsWhenTheDatabaseDoesNotAnswer() {
        given(registrations.states()).willThrow(new DataAccessResourceFailureException("pool exhausted"));

        var answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getDetails().get("shops")).isEqualTo("unknown: the database did not answer");
    }
}
