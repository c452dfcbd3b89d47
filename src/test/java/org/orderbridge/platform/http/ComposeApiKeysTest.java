package org.orderbridge.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.platform.ComposeFile;

/** The API keys docker-compose.yml gives the service are ones it accepts (see {@link ComposeFile}). */
@Tag("unit")
class ComposeApiKeysTest {

    @Test
    void apiKeysAreValid() {
        String apiKeys = ComposeFile.environment("orderbridge").get("API_KEYS");

        assertThat(new ApiKeyProperties(apiKeys, false, null, null, null).keys())
                .extracting(ApiKeyProperties.ApiKey::role)
                .contains(ApiKeyProperties.Role.ADMIN, ApiKeyProperties.Role.READ);
    }
}
