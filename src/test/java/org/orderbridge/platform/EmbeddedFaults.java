package org.orderbridge.platform;

import java.io.IOException;

/** Where the application reaches the embedded services, and the switches that take them away. */
public final class EmbeddedFaults implements AutoCloseable {

    private final FaultProxy database;
    private final FaultProxy sqs;
    private final int databasePort;
    private final int sqsPort;

    private EmbeddedFaults(FaultProxy database, FaultProxy sqs, int databasePort, int sqsPort) {
        this.database = database;
        this.sqs = sqs;
        this.databasePort = databasePort;
        this.sqsPort = sqsPort;
    }

    static EmbeddedFaults proxied(int databasePort, int sqsPort) throws IOException {
        var database = new FaultProxy(databasePort);
        var sqs = new FaultProxy(sqsPort);
        return new EmbeddedFaults(database, sqs, database.port(), sqs.port());
    }

    static EmbeddedFaults direct(int databasePort, int sqsPort) {
        return new EmbeddedFaults(null, null, databasePort, sqsPort);
    }

    int databasePort() {
        return databasePort;
    }

    int sqsPort() {
        return sqsPort;
    }

    /**
     * Restores SQS and waits out the long polls that the cut orphaned: the server does not notice that their
     * connections are gone and would hand a new message to one of them, after which it stays invisible for the
     * queue's whole visibility timeout (real SQS behaves the same when a receive's response is lost).
     */
    public void restoreSqsAndAwaitOrphanedPolls() throws InterruptedException {
        sqs().restore();
        Thread.sleep(11_000);
    }

    public FaultProxy database() {
        return require(database);
    }

    public FaultProxy sqs() {
        return require(sqs);
    }

    private static FaultProxy require(FaultProxy proxy) {
        if (proxy == null) {
            throw new IllegalStateException("set orderbridge.embedded.fault-proxies=true to inject faults");
        }
        return proxy;
    }

    @Override
    public void close() throws IOException {
        if (database != null) {
            database.close();
        }
        if (sqs != null) {
            sqs.close();
        }
    }
}
