package io.renlayer.spi.upstream;

import io.renlayer.spi.Experimental;
import io.renlayer.spi.config.ConfigProperty;
import java.util.List;
import java.util.Map;

/**
 * A wire dialect the gateway can forward to (OpenAI, Anthropic, ...).
 *
 * <p>Providers are pure: they say how to authenticate upstream and how to read usage, while the
 * gateway owns sockets, threads and time budgets. Implementations must be thread safe and must not
 * keep per-request state.
 */
public interface UpstreamProvider {

    /** Stable id used in upstream registrations, e.g. {@code "openai"}. Lowercase, dash separated. */
    String id();

    /** Version of the implementation, for the plugin listing. */
    String version();

    /**
     * The settings an operator registers with an upstream of this provider (an API version, a
     * deployment), described for validation and for the console's form.
     *
     * @since 1.1
     */
    default List<ConfigProperty> configProperties() {
        return List.of();
    }

    /**
     * Headers that carry the gateway's own upstream credential.
     *
     * @param credential the decrypted credential; never log it
     */
    Map<String, String> credentialHeaders(String credential);

    /**
     * Shapes the outgoing call. The gateway passes the call it built (the upstream's base URL joined
     * with the route's path, client credentials removed) and sends what this returns. The default
     * adds {@link #credentialHeaders}; a provider whose upstream wants another URL shape (Azure
     * deployments, say) or extra headers overrides it.
     *
     * @param credential the decrypted upstream credential; never log it
     */
    default ForwardRequest prepare(ForwardRequest request, String credential) {
        ForwardRequest prepared = request;
        for (Map.Entry<String, String> header : credentialHeaders(credential).entrySet()) {
            prepared = prepared.withHeader(header.getKey(), header.getValue());
        }
        return prepared;
    }

    /**
     * As {@link #prepare(ForwardRequest, String)}, with the upstream's own settings (strings an
     * operator registered with it: an API version, a deployment). The default ignores them.
     *
     * @param settings never null; keys and values as registered
     * @since 1.1
     */
    default ForwardRequest prepare(ForwardRequest request, String credential, Map<String, String> settings) {
        return prepare(request, credential);
    }

    /**
     * Checks the settings an operator registers with an upstream of this provider.
     *
     * @return null when they are usable, else what is wrong, for the operator
     * @since 1.1
     */
    default String invalidSettings(Map<String, String> settings) {
        return settings.isEmpty() ? null : "this provider takes no settings";
    }

    /**
     * The routes this provider's dialect is called on. The gateway serves each with its pipeline
     * (key, scopes, limits, detectors, policies, trace) and forwards to the tenant's upstreams of
     * this provider. The built-in OpenAI and Anthropic dialects are served by the gateway's own
     * routes; a provider for another wire format declares its own.
     *
     * @since 1.1
     */
    @Experimental("providers owning their dialect are new in 1.1")
    default List<ProviderRoute> routes() {
        return List.of();
    }

    /**
     * Reads a call on one of {@link #routes()}: the model, whether it streams, the text to inspect.
     *
     * @throws BadModelRequest for a body the dialect does not accept
     * @since 1.1
     */
    @Experimental("providers owning their dialect are new in 1.1")
    default ModelRequest readRequest(ModelCall call) {
        throw new BadModelRequest(null, "this provider serves no routes of its own");
    }

    /**
     * The body of an error the gateway answers on this provider's routes, as the dialect's clients
     * parse errors; null for the gateway's default (OpenAI's shape).
     *
     * @since 1.1
     */
    @Experimental("providers owning their dialect are new in 1.1")
    default String errorBody(GatewayError error) {
        return null;
    }

    /**
     * Token usage reported in a complete, non-streamed response body.
     *
     * @return the usage, or {@link Usage#UNKNOWN} when the body carries none or cannot be read
     */
    Usage usageFromBody(byte[] body);

    /**
     * Token usage carried by one server-sent event of a streamed response, if any.
     *
     * @param data the event's {@code data} field, lines joined with {@code \n}
     * @return the usage, or {@link Usage#UNKNOWN} for events that carry none
     */
    Usage usageFromEvent(String data);
}
