package org.orderbridge.infra;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Deployment environments; anything else is rejected at synth so a typo cannot create a third stack set. */
public enum EnvName {
    STAGING,
    PRODUCTION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isProduction() {
        return this == PRODUCTION;
    }

    static EnvName parse(String parameter, String value) {
        for (EnvName env : values()) {
            if (env.id().equals(value)) {
                return env;
            }
        }
        throw new InvalidContextException(parameter, "unknown environment '" + value + "', expected one of "
                + Arrays.stream(values()).map(EnvName::id).collect(Collectors.joining("|")));
    }
}
