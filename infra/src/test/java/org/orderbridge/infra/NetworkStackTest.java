package org.orderbridge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkStackTest {

    private final Template template = TestApps.template(TestApps.staging().network());

    @Test
    void everyAzHasPublicPrivateAndIsolatedSubnets() {
        for (String az : List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")) {
            for (String type : List.of("Public", "Private", "Isolated")) {
                Map<String, Map<String, Object>> subnets = template.findResources("AWS::EC2::Subnet", Map.of(
                        "Properties", Map.of(
                                "AvailabilityZone", az,
                                "Tags", Match.arrayWith(List.of(Map.of("Key", "aws-cdk:subnet-type", "Value", type))))));
                assertFalse(subnets.isEmpty(), type + " subnet missing in " + az);
            }
        }
    }

    @Test
    void isolatedSubnetsHaveNoRouteToTheInternet() {
        template.findResources("AWS::EC2::Route").values().forEach(route -> {
            String table = String.valueOf(route.get("Properties"));
            assertFalse(table.contains("isolatedSubnet"), "isolated subnet has a route: " + table);
        });
    }

    @Test
    void productionHasOneNatGatewayPerAz() {
        Template production = TestApps.template(TestApps.synth(Map.of("env", "production")).network());
        assertEquals(3, production.findResources("AWS::EC2::NatGateway").size());
    }

    @Test
    void loadBalancerAcceptsOnlyHttpAndHttpsFromTheInternet() {
        List<Map<String, Object>> ingress = rules("OrderBridge public ALB", "SecurityGroupIngress");
        assertFalse(ingress.isEmpty());
        for (Map<String, Object> rule : ingress) {
            assertTrue(List.of(80, 443).contains(((Number) rule.get("FromPort")).intValue()), "unexpected port " + rule);
        }
    }

    @Test
    void serviceTasksAcceptTrafficOnlyFromTheLoadBalancer() {
        template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                "FromPort", 8080,
                "ToPort", 8080,
                "IpProtocol", "tcp",
                "SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(
                        Match.stringLikeRegexp("LoadBalancerSecurityGroup"), "GroupId"))));
        template.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupDescription", "OrderBridge ECS tasks",
                "SecurityGroupIngress", Match.absent()));
    }

    /** HTTPS out, nothing else; the database port is added towards the database's group by the data stack. */
    @Test
    void serviceTasksMayOnlyCallOutOverHttps() {
        List<Map<String, Object>> egress = rules("OrderBridge ECS tasks", "SecurityGroupEgress");
        assertEquals(1, egress.size(), "egress: " + egress);
        assertEquals("tcp", egress.get(0).get("IpProtocol"));
        assertEquals(443, ((Number) egress.get(0).get("FromPort")).intValue());
        assertEquals(443, ((Number) egress.get(0).get("ToPort")).intValue());
        template.resourcePropertiesCountIs("AWS::EC2::SecurityGroupEgress", Map.of(
                "GroupId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ServiceSecurityGroup"), "GroupId"))), 0);
    }

    /** The inline rules of the one security group with this description. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rules(String groupDescription, String direction) {
        Map<String, Map<String, Object>> groups = template.findResources("AWS::EC2::SecurityGroup",
                Map.of("Properties", Map.of("GroupDescription", groupDescription)));
        assertEquals(1, groups.size());
        return (List<Map<String, Object>>)
                ((Map<String, Object>) groups.values().iterator().next().get("Properties")).get(direction);
    }
}
