package org.orderbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad context must fail at synth, naming the parameter, before CloudFormation ever sees it. */
class DeploymentConfigTest {

    private static DeploymentConfig config(Map<String, Object> overrides) {
        Map<String, Object> context = new HashMap<>(TestApps.baseContext());
        context.putAll(overrides);
        context.values().removeIf(v -> v == null || "<unset>".equals(v));
        return DeploymentConfig.from(context::get, Map.of());
    }

    private static void rejected(String parameter, String value, String messagePart) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(parameter, value);
        InvalidContextException e = assertThrows(InvalidContextException.class, () -> config(overrides));
        assertEquals(parameter, e.parameter());
        assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void validContextGivesDefaults() {
        DeploymentConfig config = config(Map.of());
        assertEquals(EnvName.STAGING, config.env());
        assertEquals(DatabaseMode.AURORA, config.database());
        assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), config.availabilityZones());
        assertEquals("orderbridge/staging/app", config.appSecretName());
        assertEquals(2, config.minTasks());
    }

    @ParameterizedTest
    @CsvSource({
        "env, <unset>, is required",
        "env, prod, unknown environment 'prod'",
        "certificateArn, <unset>, is required",
        "certificateArn, not-an-arn, not an ACM certificate ARN",
        "certificateArn, arn:aws:acm:us-east-1:123456789012:certificate/abc, certificate is in us-east-1",
        "imageTag, <unset>, is required",
        "imageTag, latest, immutable",
        "imageTag, has space, immutable",
        "database, mysql, expected aurora|multi-az",
        "region, Ireland, not an AWS region",
        "availabilityZones, 'eu-west-1a,eu-west-1b', exactly 3 zones",
        "availabilityZones, 'eu-west-1a,eu-west-1b,us-east-1c', not in region",
        "shopifyEventSourceName, aws.partner/example.com/1/x, not a Shopify partner event source",
        "publicUrl, http://orders.example.com, https:// origin without a path",
        "publicUrl, https://orders.example.com/webhooks, https:// origin without a path",
        "minTasks, 1, at least 2",
        "minTasks, two, not a whole number",
        "maxTasks, 1, must be >= minTasks",
    })
    void invalidContextNamesTheParameter(String parameter, String value, String messagePart) {
        rejected(parameter, value, messagePart);
    }

    @Test
    void regionFallsBackToTheCliDefault() {
        Map<String, Object> context = new HashMap<>(TestApps.baseContext());
        context.remove("region");
        DeploymentConfig config = DeploymentConfig.from(context::get, Map.of("CDK_DEFAULT_REGION", "eu-west-1"));
        assertEquals("eu-west-1", config.region());
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> DeploymentConfig.from(context::get, Map.of()));
        assertEquals("region", e.parameter());
    }

    @Test
    void programArgumentsUseTheCliSyntax() {
        assertEquals(Map.of("env", "staging", "imageTag", "abc"),
                OrderBridgeApp.parseContextArgs(new String[] {"-c", "env=staging", "imageTag=abc"}));
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> OrderBridgeApp.parseContextArgs(new String[] {"-c", "certificateArn"}));
        assertEquals("certificateArn", e.parameter());
    }
}
