package org.orderbridge.infra.stacks;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * What stands in front of the service on the internet: an AWS WAF web ACL on the ALB (AWS's managed common and
 * known-bad-inputs rules, and a per-address rate limit on the webhook and API paths), and the ALB's access logs in
 * an encrypted bucket that forgets them.
 */
final class EdgeProtection extends Construct {

    /** Requests per client address per five minutes on {@code /webhooks} and {@code /api}, about 67 a second. */
    static final int RATE_LIMIT_PER_FIVE_MINUTES = 20_000;
    /** Access logs hold client addresses and request paths: kept as long as the service's own logs. */
    static final int ACCESS_LOG_RETENTION_DAYS = 30;

    EdgeProtection(Construct scope, String id, ApplicationLoadBalancer loadBalancer, String namePrefix) {
        super(scope, id);

        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                // ALB access logs can be written only to SSE-S3 buckets, not to KMS-encrypted ones.
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("ExpireAccessLogs")
                        .enabled(true)
                        .expiration(Duration.days(ACCESS_LOG_RETENTION_DAYS))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        loadBalancer.logAccessLogs(accessLogs, "alb");

        CfnWebACL acl = CfnWebACL.Builder.create(this, "WebAcl")
                .name(namePrefix + "-alb")
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build())
                        .build())
                .visibilityConfig(visibility(namePrefix + "-alb"))
                .rules(List.of(
                        commonRules(namePrefix),
                        managed(namePrefix, "AWSManagedRulesKnownBadInputsRuleSet", 20, List.of()),
                        rateLimit(namePrefix)))
                .build();
        CfnWebACLAssociation.Builder.create(this, "WebAclAssociation")
                .resourceArn(loadBalancer.getLoadBalancerArn())
                .webAclArn(acl.getAttrArn())
                .build();
    }

    /**
     * The common rule set blocks bodies over 8 KB (SizeRestrictions_BODY); webhooks reach 5 MB and API requests
     * 1 MB, each with a limit of its own in the service, so that rule only counts.
     */
    private static CfnWebACL.RuleProperty commonRules(String namePrefix) {
        return managed(namePrefix, "AWSManagedRulesCommonRuleSet", 10, List.of(
                CfnWebACL.RuleActionOverrideProperty.builder()
                        .name("SizeRestrictions_BODY")
                        .actionToUse(CfnWebACL.RuleActionProperty.builder()
                                .count(CfnWebACL.CountActionProperty.builder().build())
                                .build())
                        .build()));
    }

    private static CfnWebACL.RuleProperty managed(
            String namePrefix, String ruleSet, int priority, List<CfnWebACL.RuleActionOverrideProperty> overrides) {
        var statement = CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                .vendorName("AWS")
                .name(ruleSet);
        if (!overrides.isEmpty()) {
            statement.ruleActionOverrides(overrides);
        }
        return CfnWebACL.RuleProperty.builder()
                .name(ruleSet)
                .priority(priority)
                .overrideAction(CfnWebACL.OverrideActionProperty.builder()
                        .none(Map.of())
                        .build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .managedRuleGroupStatement(statement.build())
                        .build())
                .visibilityConfig(visibility(namePrefix + "-" + ruleSet))
                .build();
    }

    /** Answered 429, which Shopify retries like any other non-2xx answer to a webhook. */
    private static CfnWebACL.RuleProperty rateLimit(String namePrefix) {
        return CfnWebACL.RuleProperty.builder()
                .name("RateLimitWebhooksAndApi")
                .priority(30)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder()
                                .customResponse(CfnWebACL.CustomResponseProperty.builder()
                                        .responseCode(429)
                                        .build())
                                .build())
                        .build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .limit(RATE_LIMIT_PER_FIVE_MINUTES)
                                .evaluationWindowSec(300)
                                .aggregateKeyType("IP")
                                .scopeDownStatement(CfnWebACL.StatementProperty.builder()
                                        .orStatement(CfnWebACL.OrStatementProperty.builder()
                                                .statements(List.of(pathStartsWith("/webhooks"), pathStartsWith("/api")))
                                                .build())
                                        .build())
                                .build())
                        .build())
                .visibilityConfig(visibility(namePrefix + "-rate-limit"))
                .build();
    }

    private static CfnWebACL.StatementProperty pathStartsWith(String prefix) {
        return CfnWebACL.StatementProperty.builder()
                .byteMatchStatement(CfnWebACL.ByteMatchStatementProperty.builder()
                        .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder()
                                .uriPath(Map.of())
                                .build())
                        .positionalConstraint("STARTS_WITH")
                        .searchString(prefix)
                        .textTransformations(List.of(CfnWebACL.TextTransformationProperty.builder()
                                .priority(0)
                                .type("NONE")
                                .build()))
                        .build())
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .metricName(metricName)
                .sampledRequestsEnabled(true)
                .build();
    }
}
