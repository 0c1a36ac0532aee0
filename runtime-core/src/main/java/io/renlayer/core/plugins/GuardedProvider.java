package io.renlayer.core.plugins;

import io.renlayer.core.plugins.PluginCalls.PluginCallFailed;
import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.upstream.BadModelRequest;
import io.renlayer.spi.upstream.ForwardRequest;
import io.renlayer.spi.upstream.GatewayError;
import io.renlayer.spi.upstream.ModelCall;
import io.renlayer.spi.upstream.ModelRequest;
import io.renlayer.spi.upstream.ProviderRoute;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * An upstream provider as the gateway calls it: every call into the plugin goes through
 * {@link PluginCalls}, so a provider that throws or hangs costs the call at most the plugin budget
 * and shows in its health. Reading usage never fails the call: a provider that cannot read it
 * yields {@link Usage#UNKNOWN} and the answer, streamed or not, goes on. Preparing the call is the
 * one step without which nothing can be sent: its failure is a {@link ProviderFailedException}.
 */
public final class GuardedProvider implements UpstreamProvider {

    private final UpstreamProvider plugin;
    private final PluginHealth health;
    private final boolean inline;
    private final Duration budget;

    GuardedProvider(UpstreamProvider plugin, PluginHealth health, boolean inline, Duration budget) {
        this.plugin = plugin;
        this.health = health;
        this.inline = inline;
        this.budget = budget;
    }

    @Override
    public String id() {
        return plugin.id();
    }

    @Override
    public String version() {
        return plugin.version();
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return plugin.configProperties();
    }

    /** The routes the provider declares; none when asking it fails. */
    @Override
    public List<ProviderRoute> routes() {
        try {
            List<ProviderRoute> routes = PluginCalls.call(health, inline, budget, plugin::routes);
            return routes == null ? List.of() : List.copyOf(routes);
        } catch (PluginCallFailed e) {
            return List.of();
        }
    }

    /**
     * @throws BadModelRequest the caller's body, as the provider judged it: not the plugin's failure
     * @throws ProviderFailedException the plugin failed to read it
     */
    @Override
    public ModelRequest readRequest(ModelCall call) {
        Object read;
        try {
            read = PluginCalls.call(health, inline, budget, () -> {
                try {
                    return plugin.readRequest(call);
                } catch (BadModelRequest refused) {
                    return refused;
                }
            });
        } catch (PluginCallFailed e) {
            throw new ProviderFailedException(plugin.id(), e);
        }
        if (read instanceof BadModelRequest refused) {
            throw refused;
        }
        if (!(read instanceof ModelRequest request) || request.model().isBlank()) {
            IllegalStateException nothing = new IllegalStateException("read no model");
            health.failed(nothing);
            throw new ProviderFailedException(plugin.id(), nothing);
        }
        return request;
    }

    /** The error in the provider's dialect; null (the gateway's own shape) when it fails to write one. */
    @Override
    public String errorBody(GatewayError error) {
        try {
            return PluginCalls.call(health, inline, budget, () -> plugin.errorBody(error));
        } catch (PluginCallFailed e) {
            return null;
        }
    }

    @Override
    public Map<String, String> credentialHeaders(String credential) {
        try {
            return PluginCalls.call(health, inline, budget, () -> plugin.credentialHeaders(credential));
        } catch (PluginCallFailed e) {
            throw new ProviderFailedException(plugin.id(), e);
        }
    }

    @Override
    public ForwardRequest prepare(ForwardRequest request, String credential) {
        return prepared(() -> plugin.prepare(request, credential));
    }

    @Override
    public ForwardRequest prepare(ForwardRequest request, String credential, Map<String, String> settings) {
        return prepared(() -> plugin.prepare(request, credential, settings));
    }

    @Override
    public String invalidSettings(Map<String, String> settings) {
        try {
            return PluginCalls.call(health, inline, budget, () -> plugin.invalidSettings(settings));
        } catch (PluginCallFailed e) {
            return "the provider '" + plugin.id() + "' could not check these settings (" + e.getMessage() + ")";
        }
    }

    @Override
    public Usage usageFromBody(byte[] body) {
        return usage(() -> plugin.usageFromBody(body));
    }

    @Override
    public Usage usageFromEvent(String data) {
        return usage(() -> plugin.usageFromEvent(data));
    }

    private ForwardRequest prepared(Callable<ForwardRequest> work) {
        try {
            ForwardRequest prepared = PluginCalls.call(health, inline, budget, work);
            if (prepared == null) {
                IllegalStateException nothing = new IllegalStateException("prepared nothing (null)");
                health.failed(nothing);
                throw new ProviderFailedException(plugin.id(), nothing);
            }
            return prepared;
        } catch (PluginCallFailed e) {
            throw new ProviderFailedException(plugin.id(), e);
        }
    }

    private Usage usage(Callable<Usage> work) {
        try {
            Usage usage = PluginCalls.call(health, inline, budget, work);
            return usage == null ? Usage.UNKNOWN : usage;
        } catch (PluginCallFailed e) {
            return Usage.UNKNOWN;
        }
    }

    /** The provider failed to shape the call, so there is nothing to send. */
    public static final class ProviderFailedException extends RuntimeException {
        private final String provider;

        ProviderFailedException(String provider, Throwable cause) {
            super("provider " + provider + " failed", cause, false, false);
            this.provider = provider;
        }

        public String provider() {
            return provider;
        }
    }
}
