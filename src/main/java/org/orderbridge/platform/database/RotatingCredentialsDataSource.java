package org.orderbridge.platform.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Opens the pool's physical connections with the current database login. When the database refuses it (SQL
 * state 28P01 or 28000: the password was rotated since it was read), the login is read again from its secret and
 * the connection opened once more; connections already open are not affected by a rotation.
 */
final class RotatingCredentialsDataSource implements DataSource {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(RotatingCredentialsDataSource.class);

    record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + ", password hidden]";
        }
    }

    private final DataSource driver;
    private final Supplier<Login> secret;
    private volatile Login current;

    RotatingCredentialsDataSource(DataSource driver, Login initial, Supplier<Login> secret) {
        this.driver = driver;
        this.current = initial;
        this.secret = secret;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Login used = current;
        try {
            return driver.getConnection(used.username(), used.password());
        } catch (SQLException refused) {
            if (!isAuthenticationFailure(refused)) {
                throw refused;
            }
            Login fresh = reread(used);
            if (fresh.equals(used)) {
                throw refused;
            }
            return driver.getConnection(fresh.username(), fresh.password());
        }
    }

    /** The pool's own username and password are only the initial login; the current one always wins. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private synchronized Login reread(Login refused) {
        if (!current.equals(refused)) {
            return current; // another connection attempt already read the new login
        }
        Login fresh = secret.get();
        if (!fresh.equals(refused)) {
            log.info(
                    "Database refused login {}; continuing with {} from its secret",
                    refused.username(),
                    fresh.username());
        }
        current = fresh;
        return fresh;
    }

    private static boolean isAuthenticationFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("28P01".equals(sql.getSQLState()) || "28000".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("org.orderbridge.platform");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }

    Login currentLogin() {
        return Objects.requireNonNull(current);
    }
}
