package io.renlayer.proxy.forward;

import io.renlayer.spi.upstream.Usage;

/** How relaying a response body ended, and the usage seen on the way. */
record RelayOutcome(Ending ending, Usage usage) {

    enum Ending {
        COMPLETE,
        CLIENT_DISCONNECTED,
        UPSTREAM_BROKE_OFF,
        /** The upstream sent nothing for longer than its read timeout, in the middle of the body. */
        UPSTREAM_STALLED
    }
}
