package org.orderbridge.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MissingEnvironmentFailureAnalyzer
        extends AbstractFailureAnalyzer<RequiredEnvironment.MissingEnvironmentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RequiredEnvironment.MissingEnvironmentException cause) {
        return new FailureAnalysis(
                "OrderBridge cannot start: these environment variables are not set: "
                        + String.join(", ", cause.missing()),
                "Set them in the task definition (secrets from AWS Secrets Manager as ECS secrets); "
                        + "README.md lists every variable and its format.",
                cause);
    }
}
