package org.orderbridge.platform.database;

/**
 * The two states worth having. The driver's own default ({@code prefer}) and {@code require} encrypt without
 * checking whom they talk to, which a host on the path defeats; {@code verify-ca} accepts any server holding a
 * certificate from the same authority, which for a shared CA such as RDS's is any database in the region.
 */
enum DatabaseTlsMode {
    /** Plain TCP: only for a database reached without a network in between. */
    DISABLE("disable"),
    /** TLS; the certificate must chain to the root certificate and name the host the URL connects to. */
    VERIFY_FULL("verify-full");

    private final String sslmode;

    DatabaseTlsMode(String sslmode) {
        this.sslmode = sslmode;
    }

    /** pgjdbc's {@code sslmode}. */
    String sslmode() {
        return sslmode;
    }
}
