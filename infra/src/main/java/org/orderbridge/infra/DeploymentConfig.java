package org.orderbridge.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything an environment differs in, read from CDK context ({@code -c key=value}) and validated before any
 * construct exists, so a bad deploy fails at synth with the parameter's name rather than half-way through
 * CloudFormation.
 */
public record DeploymentConfig(
        EnvName env,
        String region,
        List<String> availabilityZones,
        String certificateArn,
        String imageTag,
        String ecrRepository,
        DatabaseMode database,
        Optional<String> shopifyEventSourceName,
        String appSecretName,
        Optional<String> allowedShops,
        Optional<String> publicUrl,
        Optional<String> alarmEmail,
        int minTasks,
        int maxTasks,
        boolean databaseIamAuthentication) {

    public static final String ENV = "env";
    public static final String REGION = "region";
    public static final String AVAILABILITY_ZONES = "availabilityZones";
    public static final String CERTIFICATE_ARN = "certificateArn";
    public static final String IMAGE_TAG = "imageTag";
    public static final String ECR_REPOSITORY = "ecrRepository";
    public static final String DATABASE = "database";
    public static final String SHOPIFY_EVENT_SOURCE_NAME = "shopifyEventSourceName";
    public static final String APP_SECRET_NAME = "appSecretName";
    public static final String ALLOWED_SHOPS = "allowedShops";
    public static final String PUBLIC_URL = "publicUrl";
    public static final String ALARM_EMAIL = "alarmEmail";
    public static final String MIN_TASKS = "minTasks";
    public static final String MAX_TASKS = "maxTasks";
    public static final String DATABASE_IAM_AUTHENTICATION = "databaseIamAuthentication";

    private static final Pattern REGION_PATTERN = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern CERTIFICATE_PATTERN =
            Pattern.compile("arn:aws[a-z-]*:acm:([a-z0-9-]+):\\d{12}:certificate/[A-Za-z0-9-]+");
    // Docker tag grammar; rejecting "latest" keeps every deploy pinned to an immutable build.
    private static final Pattern IMAGE_TAG_PATTERN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    // The origin the ALB is reached at (its DNS name in front of the certificate): Shopify's webhook callback and the
    // OpenAPI document's server are built from it, so a path or plain http here would misdirect both.
    private static final Pattern PUBLIC_URL_PATTERN = Pattern.compile("https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern EVENT_SOURCE_PATTERN = Pattern.compile("aws\\.partner/shopify\\.com/\\d+/[A-Za-z0-9._-]+");

    public DeploymentConfig {
        if (minTasks < 2) {
            throw new InvalidContextException(MIN_TASKS, "must be at least 2 so a task survives an AZ outage, was " + minTasks);
        }
        if (maxTasks < minTasks) {
            throw new InvalidContextException(MAX_TASKS, "must be >= minTasks (" + minTasks + "), was " + maxTasks);
        }
        if (availabilityZones.size() != 3) {
            throw new InvalidContextException(AVAILABILITY_ZONES, "exactly 3 zones are required, got " + availabilityZones);
        }
    }

    /**
     * @param context CDK context lookup (CLI {@code -c} values, cdk.json, or program arguments)
     * @param environment process environment, for the region the CDK CLI exports as CDK_DEFAULT_REGION
     */
    public static DeploymentConfig from(Function<String, Object> context, Map<String, String> environment) {
        Function<String, Optional<String>> get = key -> Optional.ofNullable(context.apply(key))
                .map(Object::toString)
                .map(String::trim)
                .filter(s -> !s.isEmpty());

        EnvName env = EnvName.parse(ENV, require(get, ENV, "staging|production"));

        String region = get.apply(REGION)
                .or(() -> Optional.ofNullable(environment.get("CDK_DEFAULT_REGION")))
                .orElseThrow(() -> new InvalidContextException(REGION,
                        "is required (pass -c region=eu-west-1 or set CDK_DEFAULT_REGION)"));
        if (!REGION_PATTERN.matcher(region).matches()) {
            throw new InvalidContextException(REGION, "'" + region + "' is not an AWS region name");
        }

        List<String> azs = get.apply(AVAILABILITY_ZONES)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).toList())
                .orElse(List.of(region + "a", region + "b", region + "c"));
        for (String az : azs) {
            if (!az.startsWith(region)) {
                throw new InvalidContextException(AVAILABILITY_ZONES, "'" + az + "' is not in region " + region);
            }
        }

        String certificateArn = require(get, CERTIFICATE_ARN, "arn:aws:acm:<region>:<account>:certificate/<id>");
        var certificate = CERTIFICATE_PATTERN.matcher(certificateArn);
        if (!certificate.matches()) {
            throw new InvalidContextException(CERTIFICATE_ARN, "'" + certificateArn + "' is not an ACM certificate ARN");
        }
        if (!certificate.group(1).equals(region)) {
            // An ALB can only use a certificate from its own region.
            throw new InvalidContextException(CERTIFICATE_ARN,
                    "certificate is in " + certificate.group(1) + " but the stacks deploy to " + region);
        }

        String imageTag = require(get, IMAGE_TAG, "the image tag pushed to ECR, e.g. the git SHA");
        if (!IMAGE_TAG_PATTERN.matcher(imageTag).matches() || imageTag.equals("latest")) {
            throw new InvalidContextException(IMAGE_TAG, "'" + imageTag + "' must be an immutable Docker tag (not 'latest')");
        }

        DatabaseMode database = DatabaseMode.parse(DATABASE, get.apply(DATABASE).orElse(DatabaseMode.AURORA.id()));

        Optional<String> eventSource = get.apply(SHOPIFY_EVENT_SOURCE_NAME);
        eventSource.ifPresent(name -> {
            if (!EVENT_SOURCE_PATTERN.matcher(name).matches()) {
                throw new InvalidContextException(SHOPIFY_EVENT_SOURCE_NAME,
                        "'" + name + "' is not a Shopify partner event source (aws.partner/shopify.com/<app-id>/<name>)");
            }
        });

        Optional<String> publicUrl = get.apply(PUBLIC_URL);
        publicUrl.ifPresent(url -> {
            if (!PUBLIC_URL_PATTERN.matcher(url).matches()) {
                throw new InvalidContextException(PUBLIC_URL,
                        "'" + url + "' must be the service's https:// origin without a path, e.g. https://orders.example.com");
            }
        });

        return new DeploymentConfig(
                env,
                region,
                azs,
                certificateArn,
                imageTag,
                get.apply(ECR_REPOSITORY).orElse("orderbridge"),
                database,
                eventSource,
                get.apply(APP_SECRET_NAME).orElse("orderbridge/" + env.id() + "/app"),
                get.apply(ALLOWED_SHOPS),
                publicUrl,
                get.apply(ALARM_EMAIL),
                integer(get, MIN_TASKS, 2),
                integer(get, MAX_TASKS, env.isProduction() ? 12 : 4),
                flag(get, DATABASE_IAM_AUTHENTICATION));
    }

    private static boolean flag(Function<String, Optional<String>> get, String key) {
        String value = get.apply(key).orElse("false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidContextException(key, "'" + value + "' must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** Prefix for physical names, so staging and production can share an account. */
    public String prefix() {
        return env.id() + "-orderbridge";
    }

    private static String require(Function<String, Optional<String>> get, String key, String hint) {
        return get.apply(key).orElseThrow(() -> new InvalidContextException(key, "is required (pass -c " + key + "=" + hint + ")"));
    }

    private static int integer(Function<String, Optional<String>> get, String key, int fallback) {
        String value = get.apply(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidContextException(key, "'" + value + "' is not a whole number");
        }
    }
}
