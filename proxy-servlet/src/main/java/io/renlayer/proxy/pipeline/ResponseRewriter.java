package io.renlayer.proxy.pipeline;

/**
 * Changes what the upstream answered before the client sees it, one JSON message at a time: the
 * whole body of a JSON response, or the data of each server-sent event. Returns its input when it
 * has nothing to change, and null to drop the message (the rest of a stream that was cut).
 */
@FunctionalInterface
public interface ResponseRewriter {

    /**
     * Between messages when a rewrite answers more than one: each becomes its own event (a stream
     * can need to send held-back text before the event that ends it). JSON never contains it raw.
     */
    String NEXT_MESSAGE = "\n\n";

    String rewrite(String message);
}
