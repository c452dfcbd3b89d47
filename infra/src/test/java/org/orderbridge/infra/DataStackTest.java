package org.orderbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataStackTest {

    private static void onlyTheServiceMayConnect(Template template) {
        // The rotation Lambda also gets in; what matters is that no CIDR range ever does.
        template.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", "OrderBridge PostgreSQL: service tasks only",
                "SecurityGroupIngress", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "FromPort", 5432,
                        "ToPort", 5432,
                        "IpProtocol", "tcp",
                        "SourceSecurityGroupId", Map.of("Fn::ImportValue", Match.stringLikeRegexp("ServiceSecurityGroup"))))))));
        var group = template.findResources("AWS::EC2::SecurityGroup", Map.of("Properties",
                Map.of("GroupDescription", "OrderBridge PostgreSQL: service tasks only"))).values().iterator().next();
        List<?> ingress = (List<?>) ((Map<?, ?>) group.get("Properties")).get("SecurityGroupIngress");
        for (Object rule : ingress) {
            assertFalse(((Map<?, ?>) rule).containsKey("CidrIp") || ((Map<?, ?>) rule).containsKey("CidrIpv6"),
                    "database open to a CIDR range: " + rule);
        }
        template.resourcePropertiesCountIs("AWS::EC2::SecurityGroupIngress", Map.of("CidrIp", Match.anyValue()), 0);
        // The tasks' group lets the database port out towards this group only.
        template.hasResourceProperties("AWS::EC2::SecurityGroupEgress", Map.of(
                "GroupId", Map.of("Fn::ImportValue", Match.stringLikeRegexp("ServiceSecurityGroup")),
                "IpProtocol", "tcp",
                "FromPort", 5432,
                "ToPort", 5432,
                "DestinationSecurityGroupId", Map.of("Fn::GetAtt", List.of(
                        Match.stringLikeRegexp("DatabaseSecurityGroup"), "GroupId"))));
        template.resourcePropertiesCountIs("AWS::EC2::SecurityGroupEgress", Map.of("CidrIp", Match.anyValue()), 0);
    }

    /**
     * The master rotates in place (nothing long-running logs in with it); the service's own login alternates between
     * two users, so the credentials a running task holds survive the next rotation.
     */
    private static void credentialsRotateWithoutBreakingRunningTasks(Template template) {
        String masterSecret = only(template, "AWS::SecretsManager::Secret", Map.of("GenerateSecretString",
                Match.objectLike(Map.of("SecretStringTemplate", "{\"username\":\"orderbridge\"}"))));
        String masterAttachment = attachmentOf(template, masterSecret);
        String appUserSecret = appUserSecret(template);
        String appUserAttachment = attachmentOf(template, appUserSecret);

        // masterarn is how the multi-user rotation logs in to set the other login's password.
        template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "orderbridge/staging/database-app-user",
                "GenerateSecretString", Match.objectLike(Map.of(
                        "GenerateStringKey", "password",
                        "SecretStringTemplate", Map.of("Fn::Join", List.of("", List.of(
                                Match.stringLikeRegexp("\"username\":\"orderbridge_app\".*\"masterarn\":\"$"),
                                Map.of("Ref", masterAttachment),
                                "\"}")))))));

        Map<String, String> rotationBySecret = new HashMap<>();
        template.findResources("AWS::SecretsManager::RotationSchedule").values().forEach(schedule -> {
            Map<?, ?> properties = (Map<?, ?>) schedule.get("Properties");
            assertEquals(Map.of("ScheduleExpression", "rate(30 days)"), properties.get("RotationRules"));
            String secret = (String) ((Map<?, ?>) properties.get("SecretId")).get("Ref");
            String application = (String) ((List<?>) ((Map<?, ?>) properties.get("RotationLambdaARN")).get("Fn::GetAtt")).get(0);
            rotationBySecret.put(secret, rotationApplication(template, application));
        });
        assertEquals(Map.of(
                        masterAttachment, "SecretsManagerRDSPostgreSQLRotationSingleUser",
                        appUserAttachment, "SecretsManagerRDSPostgreSQLRotationMultiUser"),
                rotationBySecret);

        template.hasResourceProperties("AWS::Serverless::Application", Map.of(
                "Parameters", Match.objectLike(Map.of("masterSecretArn", Map.of("Ref", masterAttachment)))));
        // The login is created by hand once; an immediate first rotation would fail before it exists.
        template.hasResourceProperties("AWS::SecretsManager::RotationSchedule", Map.of(
                "SecretId", Map.of("Ref", appUserAttachment),
                "RotateImmediatelyOnUpdate", false));
        // Service stacks deployed before the app user import this; deleting the export would fail the update.
        template.hasOutput("*", Map.of("Value", Map.of("Ref", masterAttachment), "Export", Match.anyValue()));
    }

    static String appUserSecret(Template template) {
        return only(template, "AWS::SecretsManager::Secret", Map.of("Name", "orderbridge/staging/database-app-user"));
    }

    static String attachmentOf(Template template, String secret) {
        return only(template, "AWS::SecretsManager::SecretTargetAttachment", Map.of("SecretId", Map.of("Ref", secret)));
    }

    private static String only(Template template, String type, Map<String, Object> properties) {
        var ids = template.findResources(type, Map.of("Properties", Match.objectLike(properties))).keySet();
        assertEquals(1, ids.size(), type + " " + properties + ": " + ids);
        return ids.iterator().next();
    }

    /** The serverless application's name, looked up through the partition mapping CDK puts it in. */
    private static String rotationApplication(Template template, String applicationId) {
        Map<?, ?> json = (Map<?, ?>) template.toJSON();
        Map<?, ?> location = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) json.get("Resources"))
                .get(applicationId)).get("Properties")).get("Location");
        List<?> lookup = (List<?>) ((Map<?, ?>) location.get("ApplicationId")).get("Fn::FindInMap");
        String arn = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) json.get("Mappings")).get(lookup.get(0))).get("aws"))
                .get("applicationId");
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    @Nested
    class Aurora {

        private final Template template = TestApps.template(TestApps.staging().data());

        @Test
        void clusterIsEncryptedBackedUpAndProtected() {
            template.hasResourceProperties("AWS::RDS::DBCluster", Map.of(
                    "Engine", "aurora-postgresql",
                    "StorageEncrypted", true,
                    "DeletionProtection", true,
                    "BackupRetentionPeriod", 7,
                    "DatabaseName", "orderbridge",
                    "EnableIAMDatabaseAuthentication", true,
                    "MasterUserPassword", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                            Match.arrayWith(List.of(Match.stringLikeRegexp("resolve:secretsmanager")))))))));
            template.hasResource("AWS::RDS::DBCluster", Map.of("DeletionPolicy", "Snapshot"));
        }

        @Test
        void productionKeepsBackupsForTwoWeeks() {
            Template production = TestApps.template(TestApps.synth(Map.of("env", "production")).data());
            production.hasResourceProperties("AWS::RDS::DBCluster", Map.of("BackupRetentionPeriod", 14));
        }

        @Test
        void readerInAnotherAzIsTheFirstFailoverTarget() {
            var instances = template.findResources("AWS::RDS::DBInstance").values().stream()
                    .map(r -> (Map<?, ?>) r.get("Properties"))
                    .toList();
            assertTrue(instances.size() >= 2, "need a writer and at least one reader");
            var zones = instances.stream().map(p -> p.get("AvailabilityZone")).distinct().toList();
            assertEquals(instances.size(), zones.size(), "instances share an AZ: " + zones);
            assertTrue(instances.stream().allMatch(p -> "aurora-postgresql".equals(p.get("Engine"))));
            assertTrue(instances.stream().anyMatch(p -> Integer.valueOf(0).equals(p.get("PromotionTier"))),
                    "no reader at promotion tier 0");
            assertTrue(instances.stream().noneMatch(p -> Boolean.TRUE.equals(p.get("PubliclyAccessible"))));
        }

        @Test
        void onlyTheServiceMayConnect() {
            DataStackTest.onlyTheServiceMayConnect(template);
        }

        @Test
        void credentialsRotateWithoutBreakingRunningTasks() {
            DataStackTest.credentialsRotateWithoutBreakingRunningTasks(template);
        }
    }

    @Nested
    class MultiAz {

        private final Template template = TestApps.template(TestApps.synth(Map.of("database", "multi-az")).data());

        @Test
        void instanceIsMultiAzEncryptedBackedUpAndProtected() {
            template.hasResourceProperties("AWS::RDS::DBInstance", Map.of(
                    "Engine", "postgres",
                    "MultiAZ", true,
                    "StorageEncrypted", true,
                    "DeletionProtection", true,
                    "BackupRetentionPeriod", 7,
                    "EnableIAMDatabaseAuthentication", true));
            template.resourceCountIs("AWS::RDS::DBCluster", 0);
            assertNotEquals(0, template.findResources("AWS::RDS::DBInstance").size());
        }

        @Test
        void onlyTheServiceMayConnect() {
            DataStackTest.onlyTheServiceMayConnect(template);
        }

        @Test
        void credentialsRotateWithoutBreakingRunningTasks() {
            DataStackTest.credentialsRotateWithoutBreakingRunningTasks(template);
        }
    }
}
