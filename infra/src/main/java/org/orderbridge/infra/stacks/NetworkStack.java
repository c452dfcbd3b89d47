package org.orderbridge.infra.stacks;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/** VPC over three AZs: public for the ALB and NAT, private for tasks, isolated for the database. */
public final class NetworkStack extends Stack {

    public static final int HTTPS = 443;

    /** @param natGateways one per AZ in production so losing an AZ does not cut the others off from SQS and Shopify */
    public record Props(List<String> availabilityZones, String cidr, int natGateways) {}

    private final Vpc vpc;
    private final SecurityGroup serviceSecurityGroup;
    private final SecurityGroup loadBalancerSecurityGroup;

    public NetworkStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);

        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(props.cidr()))
                // Explicit zones keep synth offline and deterministic (no AZ lookup against an account).
                .availabilityZones(props.availabilityZones())
                .natGateways(props.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("private").subnetType(SubnetType.PRIVATE_WITH_EGRESS).cidrMask(20).build(),
                        SubnetConfiguration.builder().name("isolated").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
                .gatewayEndpoints(java.util.Map.of(
                        // ECR image layers come from S3; the gateway endpoint keeps that traffic off the NAT bill.
                        "S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build()))
                .build();
        vpc.addFlowLog("FlowLog");

        // Both groups live here, not in the service stack: rules between groups of different stacks land in
        // the peer's stack and would make Network depend on Service (and Data) in a cycle.
        loadBalancerSecurityGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
                .vpc(vpc)
                .description("OrderBridge public ALB")
                .allowAllOutbound(false)
                .build();
        serviceSecurityGroup = SecurityGroup.Builder.create(this, "ServiceSecurityGroup")
                .vpc(vpc)
                .description("OrderBridge ECS tasks")
                .allowAllOutbound(false)
                .build();
        // What the tasks call is all HTTPS: Shopify's Admin API (no published address range), and SQS, Secrets
        // Manager, ECR, CloudWatch Logs through the NAT or the S3 gateway endpoint. The database port is opened
        // towards the database's group only, in the data stack. DNS to the VPC resolver is not subject to groups.
        serviceSecurityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(HTTPS), "HTTPS: Shopify and AWS APIs");
    }

    public IVpc vpc() {
        return vpc;
    }

    public ISecurityGroup loadBalancerSecurityGroup() {
        return loadBalancerSecurityGroup;
    }

    public ISecurityGroup serviceSecurityGroup() {
        return serviceSecurityGroup;
    }
}
