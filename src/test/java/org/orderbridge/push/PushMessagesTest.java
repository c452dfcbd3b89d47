package org.orderbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The push queue's messages, as the earlier release wrote and read them too. */
@Tag("unit")
class PushMessagesTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final UUID ID = UUID.fromString("0b3c6a4e-5f1d-4a8e-9c2b-7d1e0f2a3b4c");

    @Test
    void orderPushesKeepTheShapeTheyHadBeforeThereWereKinds() {
        assertThat(PushMessages.body("order", ID)).isEqualTo("{\"orderId\":\"" + ID + "\"}");
        assertThat(PushMessages.read("{\"orderId\":\"" + ID + "\"}", MAPPER))
                .isEqualTo(new PushMessages.Push("order", ID));
    }

    @Test
    void otherKindsNameTheirKind() {
        assertThat(PushMessages.body("shipment", ID)).isEqualTo("{\"kind\":\"shipment\",\"id\":\"" + ID + "\"}");
        assertThat(PushMessages.read(PushMessages.body("shipment", ID), MAPPER))
                .isEqualTo(new PushMessages.Push("shipment", ID));
        assertThat(PushMessages.read("{\"kind\":\"order\",\"id\":\"" + ID + "\"}", MAPPER))
                .isEqualTo(new PushMessages.Push("order", ID));
    }

    @Test
    void refusesWhatIsNoPushMessage() {
        assertThatThrownBy(() -> PushMessages.read("not a push message", MAPPER))
                .hasMessage("push message is not JSON");
        assertThatThrownBy(() -> PushMessages.read("{}", MAPPER))
                .hasMessage("push message has neither a kind nor an orderId");
        assertThatThrownBy(() -> PushMessages.read("{\"orderId\":\"42\"}", MAPPER))
                .hasMessage("push message's orderId is not a UUID");
        assertThatThrownBy(() -> PushMessages.read("{\"kind\":\"shipment\"}", MAPPER))
                .hasMessage("push message has a kind but no id");
        assertThatThrownBy(() -> PushMessages.read("{\"kind\":\"shipment\",\"id\":\"42\"}", MAPPER))
                .hasMessage("push message's id is not a UUID");
    }
}
