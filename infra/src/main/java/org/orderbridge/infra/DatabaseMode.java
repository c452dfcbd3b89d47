package org.orderbridge.infra;

/**
 * Aurora gives a reader that is promoted in ~30 s; RDS Multi-AZ is the cheaper switch for teams that do
 * not want Aurora, with a standby that is not readable and a slower (60-120 s) failover.
 */
public enum DatabaseMode {
    AURORA("aurora"),
    MULTI_AZ("multi-az");

    private final String id;

    DatabaseMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static DatabaseMode parse(String parameter, String value) {
        for (DatabaseMode mode : values()) {
            if (mode.id.equals(value)) {
                return mode;
            }
        }
        throw new InvalidContextException(parameter, "unknown database mode '" + value + "', expected aurora|multi-az");
    }
}
