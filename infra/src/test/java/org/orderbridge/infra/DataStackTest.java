package org.orderbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    }

    private static void credentialsRotateInSecretsManager(Template template) {
        template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "GenerateSecretString", Match.objectLike(Map.of("GenerateStringKey", "password"))));
        template.hasResourceProperties("AWS::SecretsManager::RotationSchedule", Map.of(
                "RotationRules", Map.of("ScheduleExpression", "rate(30 days)")));
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
        void credentialsRotate() {
            credentialsRotateInSecretsManager(template);
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
                    "BackupRetentionPeriod", 7));
            template.resourceCountIs("AWS::RDS::DBCluster", 0);
            assertNotEquals(0, template.findResources("AWS::RDS::DBInstance").size());
        }

        @Test
        void onlyTheServiceMayConnect() {
            DataStackTest.onlyTheServiceMayConnect(template);
        }

        @Test
        void credentialsRotate() {
            credentialsRotateInSecretsManager(template);
        }
    }
}
