package io.renlayer.proxy.stage;

/** What the accept stage asks of a route's request body. */
public enum BodyRule {
    /** Not read: the route answers from the path and headers alone. */
    NONE,
    /** Read whole, bounded; any bytes (a registered service's own API). */
    ANY,
    /** Read whole, bounded; JSON in valid UTF-8 (the model routes). */
    JSON,
    /** As {@link #JSON} for a POST; GET and DELETE carry no body to check (MCP). */
    JSON_WHEN_POST
}
