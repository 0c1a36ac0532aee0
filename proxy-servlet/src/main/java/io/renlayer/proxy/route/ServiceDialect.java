package io.renlayer.proxy.route;

import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.util.Map;

/**
 * Registered services speak plain HTTP: the gateway adds the service's own credential in the
 * header the operator chose, and reads no token usage.
 */
public final class ServiceDialect implements UpstreamProvider {

    private final String authHeader;
    private final String authScheme;

    public ServiceDialect(String authHeader, String authScheme) {
        this.authHeader = authHeader;
        this.authScheme = authScheme;
    }

    @Override
    public String id() {
        return "service";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, String> credentialHeaders(String credential) {
        if (credential == null) {
            return Map.of();
        }
        return Map.of(
                authHeader, authScheme == null || authScheme.isBlank() ? credential : authScheme + " " + credential);
    }

    @Override
    public Usage usageFromBody(byte[] body) {
        return Usage.UNKNOWN;
    }

    @Override
    public Usage usageFromEvent(String data) {
        return Usage.UNKNOWN;
    }
}
