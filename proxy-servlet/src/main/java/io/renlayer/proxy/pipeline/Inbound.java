package io.renlayer.proxy.pipeline;

import java.io.IOException;
import java.util.Optional;

/**
 * What the accept stage reads from the connection, and nothing else does: the body stays unread
 * until the checks that need no body have passed, so a refused call costs no body read.
 */
public interface Inbound {

    /** The caller's address, as the server sees it. */
    String clientAddress();

    /** The name of the first header whose name or value holds a control character. */
    Optional<String> headerWithControlCharacters();

    /**
     * The whole body, or null when it is longer than {@code limit} (declared or as read).
     *
     * @throws IOException the body could not be read: malformed chunked framing, a connection cut
     */
    byte[] body(int limit) throws IOException;
}
