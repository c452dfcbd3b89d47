package org.orderbridge.fulfillmentservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.ShopifyFulfillmentService.Answer;
import org.orderbridge.shopify.ShopifyFulfillmentService.RequestedFulfillmentOrder;

@Tag("unit")
class RequestStatusTest {

    @Test
    void aSubmittedRequestIsAcceptedOrRejectedOnce() {
        assertThat(RequestStatus.SUBMITTED.accept()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(RequestStatus.SUBMITTED.reject()).isEqualTo(RequestStatus.REJECTED);
        assertThatThrownBy(RequestStatus.ACCEPTED::reject)
                .isInstanceOf(IllegalRequestTransitionException.class)
                .hasMessage("Cannot reject a fulfillment request that is accepted");
        assertThatThrownBy(RequestStatus.REJECTED::accept).isInstanceOf(IllegalRequestTransitionException.class);
        assertThatThrownBy(RequestStatus.CANCELLED::accept).isInstanceOf(IllegalRequestTransitionException.class);
    }

    @Test
    void onlyAnAcceptedRequestCanBeAskedToCancelAndThatIsAnsweredOnce() {
        assertThat(RequestStatus.ACCEPTED.cancellationRequested()).isEqualTo(RequestStatus.CANCELLATION_REQUESTED);
        assertThat(RequestStatus.CANCELLATION_REJECTED.cancellationRequested())
                .isEqualTo(RequestStatus.CANCELLATION_REQUESTED);
        assertThatThrownBy(RequestStatus.SUBMITTED::cancellationRequested)
                .isInstanceOf(IllegalRequestTransitionException.class);
        assertThat(RequestStatus.CANCELLATION_REQUESTED.acceptCancellation()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(RequestStatus.CANCELLATION_REQUESTED.rejectCancellation())
                .isEqualTo(RequestStatus.CANCELLATION_REJECTED);
        assertThatThrownBy(RequestStatus.CANCELLED::rejectCancellation)
                .isInstanceOf(IllegalRequestTransitionException.class);
        assertThatThrownBy(RequestStatus.ACCEPTED::acceptCancellation)
                .isInstanceOf(IllegalRequestTransitionException.class);
    }

    @Test
    void aRejectedRequestMayBeSubmittedAgainAndOnlyAcceptedOnesShip() {
        assertThat(RequestStatus.REJECTED.resubmit()).isEqualTo(RequestStatus.SUBMITTED);
        assertThatThrownBy(RequestStatus.ACCEPTED::resubmit).isInstanceOf(IllegalRequestTransitionException.class);
        assertThat(RequestStatus.values())
                .filteredOn(RequestStatus::accepted)
                .containsExactly(
                        RequestStatus.ACCEPTED,
                        RequestStatus.CANCELLATION_REQUESTED,
                        RequestStatus.CANCELLATION_REJECTED);
    }

    @Test
    void anAnswerIsDoneOnceShopifysRequestStatusShowsIt() {
        assertThat(FulfillmentAnswerHandler.answerFor(RequestStatus.ACCEPTED)).isEqualTo(Answer.ACCEPT_FULFILLMENT);
        assertThat(FulfillmentAnswerHandler.answerFor(RequestStatus.CANCELLED)).isEqualTo(Answer.ACCEPT_CANCELLATION);
        assertThatThrownBy(() -> FulfillmentAnswerHandler.answerFor(RequestStatus.SUBMITTED))
                .isInstanceOf(IllegalStateException.class);
        assertThat(FulfillmentAnswerHandler.shows(fo("CANCELLATION_REQUESTED"), Answer.ACCEPT_FULFILLMENT))
                .isTrue();
        assertThat(FulfillmentAnswerHandler.shows(fo("SUBMITTED"), Answer.ACCEPT_FULFILLMENT))
                .isFalse();
        assertThat(FulfillmentAnswerHandler.shows(fo("REJECTED"), Answer.REJECT_FULFILLMENT))
                .isTrue();
        assertThat(FulfillmentAnswerHandler.shows(fo("CANCELLATION_REJECTED"), Answer.ACCEPT_CANCELLATION))
                .isFalse();
    }

    private static RequestedFulfillmentOrder fo(String requestStatus) {
        return new RequestedFulfillmentOrder("gid://shopify/Order/1", "IN_PROGRESS", requestStatus, false);
    }
}
