package io.renlayer.core.runtime;

import java.util.Optional;

/**
 * One notification of the change feed: what changed ({@link Topic}) and, for topics kept per key
 * prefix or per tenant, which one. On the wire (PostgreSQL {@code NOTIFY}, sent by the triggers
 * of the migrations and by a few services) it is {@code <topic>} or {@code <topic>:<subject>}.
 */
public record Change(Topic topic, String subject) {

    /** What a change is about; {@link #wire()} is its name in the notifications. */
    public enum Topic {
        /** Drop everything cached: sent after the feed reconnects, and by plugin changes. */
        EVERYTHING("*"),
        /** A key, by its prefix. */
        API_KEYS("api_keys"),
        /** A tenant's upstreams, by tenant id. */
        UPSTREAMS("upstreams"),
        /** A tenant's registered services, by tenant id. */
        SERVICES("services"),
        /** A tenant's policies, by tenant id. */
        POLICIES("policies"),
        /** A tenant's DLP rules and settings, by tenant id. */
        DLP_RULES("dlp_rules"),
        /** A tenant's configuration of its plugins, by tenant id. */
        TENANT_PLUGINS("tenant_plugins"),
        /** A tenant's identity providers, by tenant id. */
        IDENTITY_PROVIDERS("identity_providers"),
        /** The route switches (all of them). */
        ROUTES("routes"),
        /** The price table (all of it). */
        MODEL_PRICES("model_prices");

        private final String wire;

        Topic(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The notification payload announcing a change of {@code subject} under this topic. */
        public String payload(Object subject) {
            return wire + ':' + subject;
        }
    }

    public static final Change EVERYTHING = new Change(Topic.EVERYTHING, null);

    /** The change a payload announces; empty for one no topic names (a newer node's, say). */
    public static Optional<Change> parse(String payload) {
        int colon = payload.indexOf(':');
        String topic = colon < 0 ? payload : payload.substring(0, colon);
        for (Topic t : Topic.values()) {
            if (t.wire.equals(topic)) {
                return Optional.of(new Change(t, colon < 0 ? null : payload.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }

    /** True for a change of this topic, or one that changes everything. */
    public boolean concerns(Topic topic) {
        return this.topic == topic || this.topic == Topic.EVERYTHING;
    }
}
