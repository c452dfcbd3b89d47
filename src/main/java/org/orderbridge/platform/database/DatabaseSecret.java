package org.orderbridge.platform.database;

import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the database login from its Secrets Manager secret, as RDS rotation writes it. */
final class DatabaseSecret implements Supplier<RotatingCredentialsDataSource.Login> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretsManagerClient secrets;
    private final String secretId;

    DatabaseSecret(SecretsManagerClient secrets, String secretId) {
        this.secrets = secrets;
        this.secretId = secretId;
    }

    @Override
    public RotatingCredentialsDataSource.Login get() {
        JsonNode secret =
                JSON.readTree(secrets.getSecretValue(b -> b.secretId(secretId)).secretString());
        String username = secret.path("username").asString("");
        String password = secret.path("password").asString("");
        if (username.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException("Secret " + secretId + " has no username and password");
        }
        return new RotatingCredentialsDataSource.Login(username, password);
    }
}
