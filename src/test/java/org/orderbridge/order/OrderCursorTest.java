package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class OrderCursorTest {

    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T10:00:00.123456Z", "2026-11-20T10:00:00Z", "1969-12-31T23:59:59.999999999Z"})
    void decodesWhatItEncodedToTheNanosecond(String updatedAt) {
        var cursor = new OrderCursor(Instant.parse(updatedAt), ID);

        assertThat(OrderCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T10:00:00.123456Z", "1969-12-31T23:59:59.999999999Z"})
    void encodesIntoTextThatNeedsNoEscapingInAQueryString(String updatedAt) {
        String encoded = new OrderCursor(Instant.parse(updatedAt), ID).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a cursor",
                "%%%",
                // standard Base64 alphabet: not what encode() hands out
                "MTc2MzYzMjgwMDowOjBmOGZhZDViLWQ5Y2ItNDY5Zi1hMTY1LTcwODY3NzI4OTUwZQ+/",
            })
    void refusesTextThatIsNotBase64OfACursor(String text) {
        assertThatThrownBy(() -> OrderCursor.decode(text))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("start again without it");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1763632800",
                "1763632800:0",
                "1763632800:0:not-a-uuid",
                "yesterday:0:0f8fad5b-d9cb-469f-a165-70867728950e",
                "1763632800:noon:0f8fad5b-d9cb-469f-a165-70867728950e",
                "999999999999999999999999999999:0:0f8fad5b-d9cb-469f-a165-70867728950e",
                // beyond Instant.MAX
                "31556889864403200:0:0f8fad5b-d9cb-469f-a165-70867728950e",
            })
    void refusesTamperedCursor(String raw) {
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> OrderCursor.decode(tampered)).isInstanceOf(InvalidCursorException.class);
    }
}
