package io.renlayer.spi.upstream;

import io.renlayer.spi.Experimental;

/**
 * Thrown by {@link UpstreamProvider#readRequest} for a body the dialect does not accept: the
 * caller gets a 400 in its dialect with this message (write it for the caller; never quote the
 * prompt).
 *
 * @since 1.1
 */
@Experimental("providers owning their dialect are new in 1.1")
public final class BadModelRequest extends RuntimeException {

    private final String param;

    /** @param param the field at fault, or null */
    public BadModelRequest(String param, String message) {
        super(message, null, false, false);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
