package org.orderbridge.infra.stacks;

import java.util.List;
import org.orderbridge.infra.DatabaseMode;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.CfnSecurityGroupEgress;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.ProvisionedClusterInstanceProps;
import software.amazon.awscdk.services.rds.RotationMultiUserOptions;
import software.amazon.awscdk.services.rds.RotationSingleUserOptions;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/** PostgreSQL for OrderBridge: Aurora (writer + reader in another AZ) or, by switch, RDS Multi-AZ. */
public final class DataStack extends Stack {

    public static final String DATABASE_NAME = "orderbridge";
    public static final int PORT = 5432;
    /** The service's login; alternating-users rotation adds {@code orderbridge_app_clone} beside it. */
    public static final String APP_USER = "orderbridge_app";
    public static final Duration ROTATION_INTERVAL = Duration.days(30);

    public record Props(
            IVpc vpc,
            ISecurityGroup serviceSecurityGroup,
            DatabaseMode mode,
            List<String> availabilityZones,
            InstanceType instanceType,
            int backupRetentionDays,
            String appUserSecretName) {}

    /**
     * What the service and the alarms need to know about the database, whichever mode built it.
     *
     * @param appUserSecret the service's credentials; the master secret stays with the rotation Lambdas and operators
     */
    public record Database(
            DatabaseMode mode, String endpoint, String identifier, String resourceId, ISecret appUserSecret) {

        /** What IAM database authentication grants {@code rds-db:connect} on, for one database login. */
        public String connectArn(Construct scope, String user) {
            return Stack.of(scope).formatArn(ArnComponents.builder()
                    .service("rds-db")
                    .resource("dbuser")
                    .resourceName(resourceId + "/" + user)
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                    .build());
        }

        /** pgjdbc re-resolves the writer endpoint on reconnect; targetServerType refuses a demoted reader. */
        public String jdbcUrl() {
            return "jdbc:postgresql://" + endpoint + ":" + PORT + "/" + DATABASE_NAME + "?targetServerType=primary";
        }
    }

    private final Database database;

    public DataStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        if (props.backupRetentionDays() < 7) {
            throw new IllegalArgumentException("backupRetentionDays must be >= 7, was " + props.backupRetentionDays());
        }

        SecurityGroup securityGroup = SecurityGroup.Builder.create(this, "DatabaseSecurityGroup")
                .vpc(props.vpc())
                .description("OrderBridge PostgreSQL: service tasks only")
                .allowAllOutbound(false)
                .build();
        // Peer.securityGroupId keeps the rule inline here; passing the ISecurityGroup would move it into the
        // network stack and create a dependency cycle.
        securityGroup.addIngressRule(
                Peer.securityGroupId(props.serviceSecurityGroup().getSecurityGroupId()),
                Port.tcp(PORT),
                "OrderBridge service tasks");
        // The tasks' only way out besides HTTPS. Kept here beside the ingress: in the network stack it would need
        // this stack's group, a dependency cycle.
        CfnSecurityGroupEgress.Builder.create(this, "ServiceToDatabase")
                .groupId(props.serviceSecurityGroup().getSecurityGroupId())
                .ipProtocol("tcp")
                .fromPort(PORT)
                .toPort(PORT)
                .destinationSecurityGroupId(securityGroup.getSecurityGroupId())
                .description("OrderBridge service tasks to PostgreSQL")
                .build();

        SubnetSelection isolated = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
        database = props.mode() == DatabaseMode.AURORA
                ? aurora(props, securityGroup, isolated)
                : multiAz(props, securityGroup, isolated);
    }

    private Database aurora(Props props, SecurityGroup securityGroup, SubnetSelection subnets) {
        DatabaseCluster cluster = DatabaseCluster.Builder.create(this, "Cluster")
                .engine(DatabaseClusterEngine.auroraPostgres(
                        AuroraPostgresClusterEngineProps.builder().version(AuroraPostgresEngineVersion.VER_17_6).build()))
                .credentials(Credentials.fromGeneratedSecret("orderbridge"))
                .defaultDatabaseName(DATABASE_NAME)
                .vpc(props.vpc())
                .vpcSubnets(subnets)
                .securityGroups(List.of(securityGroup))
                .writer(ClusterInstance.provisioned("Writer", ProvisionedClusterInstanceProps.builder()
                        .instanceType(props.instanceType())
                        .availabilityZone(props.availabilityZones().get(0))
                        .build()))
                // Tier 0 + a different AZ makes this reader the failover target when the writer's AZ fails.
                .readers(List.of(ClusterInstance.provisioned("Reader", ProvisionedClusterInstanceProps.builder()
                        .instanceType(props.instanceType())
                        .availabilityZone(props.availabilityZones().get(1))
                        .promotionTier(0)
                        .build())))
                .storageEncrypted(true)
                // Logins may also use IAM tokens (rds-db:connect); passwords from the rotating secret stay valid.
                .iamAuthentication(true)
                .backup(BackupProps.builder().retention(Duration.days(props.backupRetentionDays())).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .cloudwatchLogsExports(List.of("postgresql"))
                .build();
        cluster.addRotationSingleUser(masterRotation());
        ISecret appUser = appUserSecret(props, cluster.getSecret()).attach(cluster);
        cluster.addRotationMultiUser("AppUserRotation", appUserRotation(appUser));
        keepMasterSecretExported(cluster.getSecret());
        return new Database(DatabaseMode.AURORA,
                cluster.getClusterEndpoint().getHostname(), cluster.getClusterIdentifier(),
                cluster.getClusterResourceIdentifier(), appUser);
    }

    private Database multiAz(Props props, SecurityGroup securityGroup, SubnetSelection subnets) {
        DatabaseInstance instance = DatabaseInstance.Builder.create(this, "Instance")
                .engine(DatabaseInstanceEngine.postgres(
                        PostgresInstanceEngineProps.builder().version(PostgresEngineVersion.VER_17_6).build()))
                .credentials(Credentials.fromGeneratedSecret("orderbridge"))
                .databaseName(DATABASE_NAME)
                .instanceType(props.instanceType())
                .multiAz(true)
                .vpc(props.vpc())
                .vpcSubnets(subnets)
                .securityGroups(List.of(securityGroup))
                .storageEncrypted(true)
                .iamAuthentication(true)
                .allocatedStorage(50)
                .backupRetention(Duration.days(props.backupRetentionDays()))
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .cloudwatchLogsExports(List.of("postgresql"))
                .build();
        instance.addRotationSingleUser(masterRotation());
        ISecret appUser = appUserSecret(props, instance.getSecret()).attach(instance);
        instance.addRotationMultiUser("AppUserRotation", appUserRotation(appUser));
        keepMasterSecretExported(instance.getSecret());
        return new Database(DatabaseMode.MULTI_AZ,
                instance.getDbInstanceEndpointAddress(), instance.getInstanceIdentifier(),
                instance.getInstanceResourceId(), appUser);
    }

    /**
     * Service stacks from before the app user still import the master secret's ARN, and CloudFormation refuses to
     * delete an export that is in use, which would fail this stack's update ahead of the Service stack's. Remove once
     * every environment's Service stack reads the app user's secret.
     */
    private void keepMasterSecretExported(ISecret masterSecret) {
        exportValue(masterSecret.getSecretArn());
    }

    /** The rotation Lambdas must reach the Secrets Manager API, which isolated subnets cannot. */
    private static SubnetSelection rotationSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
    }

    /** Nothing long-running logs in as the master user, so changing its one password in place breaks nothing. */
    private static RotationSingleUserOptions masterRotation() {
        return RotationSingleUserOptions.builder()
                .automaticallyAfter(ROTATION_INTERVAL)
                .vpcSubnets(rotationSubnets())
                .build();
    }

    /**
     * The master secret's ARN goes into this secret ({@code masterarn}): the multi-user rotation Lambda logs in as
     * the master to set the other login's password.
     */
    private DatabaseSecret appUserSecret(Props props, ISecret masterSecret) {
        return DatabaseSecret.Builder.create(this, "AppUserSecret")
                .secretName(props.appUserSecretName())
                .username(APP_USER)
                .dbname(DATABASE_NAME)
                .masterSecret(masterSecret)
                .build();
    }

    /**
     * Alternating users: each rotation sets a new password on the login that is not current and makes it current,
     * so the credentials running tasks hold stay valid until the rotation after next.
     */
    private static RotationMultiUserOptions appUserRotation(ISecret appUser) {
        return RotationMultiUserOptions.builder()
                .secret(appUser)
                .automaticallyAfter(ROTATION_INTERVAL)
                .vpcSubnets(rotationSubnets())
                // The first rotation grants APP_USER to its clone, so the login must exist by then; it is created
                // once by hand (infra/README.md), within the first interval rather than at deploy time.
                .rotateImmediatelyOnUpdate(false)
                .build();
    }

    public Database database() {
        return database;
    }
}
