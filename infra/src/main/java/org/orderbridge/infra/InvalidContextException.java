package org.orderbridge.infra;

/** A synth-time configuration error; the message always names the offending context parameter. */
public final class InvalidContextException extends IllegalArgumentException {

    private final String parameter;

    public InvalidContextException(String parameter, String problem) {
        super("Invalid CDK context parameter '" + parameter + "': " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
