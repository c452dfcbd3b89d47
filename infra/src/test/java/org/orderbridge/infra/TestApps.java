package org.orderbridge.infra;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes the app once per distinct context; each synth costs seconds of jsii round trips. */
final class TestApps {

    static final String REGION = "eu-west-1";
    static final String CERTIFICATE_ARN = "arn:aws:acm:eu-west-1:123456789012:certificate/0b9c1d2e-aaaa-bbbb-cccc-1234567890ab";
    static final String IMAGE_TAG = "3f2a9c1";

    private static final Map<Map<String, Object>, OrderBridgeApp.Stacks> APPS = new ConcurrentHashMap<>();
    private static final Map<Stack, Template> TEMPLATES = new ConcurrentHashMap<>();

    private TestApps() {}

    static Map<String, Object> baseContext() {
        Map<String, Object> context = new HashMap<>();
        context.put("env", "staging");
        context.put("region", REGION);
        context.put("certificateArn", CERTIFICATE_ARN);
        context.put("imageTag", IMAGE_TAG);
        return context;
    }

    static OrderBridgeApp.Stacks staging() {
        return synth(Map.of());
    }

    static OrderBridgeApp.Stacks synth(Map<String, Object> overrides) {
        Map<String, Object> context = baseContext();
        context.putAll(overrides);
        return APPS.computeIfAbsent(Map.copyOf(context), ctx -> {
            App app = new App(AppProps.builder().context(ctx).build());
            return OrderBridgeApp.build(app, DeploymentConfig.from(app.getNode()::tryGetContext, Map.of()));
        });
    }

    static Template template(Stack stack) {
        return TEMPLATES.computeIfAbsent(stack, Template::fromStack);
    }
}
