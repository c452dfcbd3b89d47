package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WebhookSignatureTest {

    // Computed independently: printf '%s' "$BODY" | openssl dgst -sha256 -hmac hush -binary | base64
    private static final byte[] BODY =
            "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}".getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR = "D0UMXmhjwBRi4y66TmhJrDlhQABD7zI2fm3p6/QLMo8=";

    @Test
    void acceptsSignatureMatchingKnownVector() {
        assertThat(new WebhookSignature(List.of("hush")).matches(BODY, VECTOR)).isTrue();
        assertThat(WebhookSignature.sign(BODY, "hush")).isEqualTo(VECTOR);
    }

    @Test
    void acceptsSignatureOfAnySecretDuringRotation() {
        assertThat(new WebhookSignature(List.of("new-secret", "hush")).matches(BODY, VECTOR))
                .isTrue();
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        assertThat(new WebhookSignature(List.of("not-hush")).matches(BODY, VECTOR))
                .isFalse();
    }

    @Test
    void rejectsSignatureOverDifferentBody() {
        byte[] tampered = "{\"id\":820982911946154509,\"email\":\"jon@example.com\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookSignature(List.of("hush")).matches(tampered, VECTOR))
                .isFalse();
    }

    @Test
    void rejectsSignatureThatIsNotBase64() {
        assertThat(new WebhookSignature(List.of("hush")).matches(BODY, "%%%not-base64"))
                .isFalse();
    }
}
