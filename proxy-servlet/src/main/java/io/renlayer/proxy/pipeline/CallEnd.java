package io.renlayer.proxy.pipeline;

import io.renlayer.proxy.error.ProxyError;

/**
 * How a call ended: the status and error code its trace and metrics record, and the error the
 * caller still has to be told, or null when the answer has been written (relayed or local).
 */
public record CallEnd(int status, String errorCode, ProxyError reply) {

    /** Refused by the gateway: the caller gets the error. */
    public static CallEnd refused(ProxyError error) {
        return new CallEnd(error.status(), error.code(), error);
    }

    /** The answer has reached the caller, at least in part; {@code errorCode} says how it ended. */
    public static CallEnd answered(int status, String errorCode) {
        return new CallEnd(status, errorCode, null);
    }

    /** The trace records one ending, the caller is told another (an MCP error is answered as 200). */
    public static CallEnd recordedAs(int status, String errorCode, ProxyError reply) {
        return new CallEnd(status, errorCode, reply);
    }
}
