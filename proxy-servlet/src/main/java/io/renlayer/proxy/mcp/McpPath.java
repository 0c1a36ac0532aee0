package io.renlayer.proxy.mcp;

import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Address;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code /mcp/<upstream>}: the MCP server, by the name of the tenant's upstream that points at it. */
public record McpPath(String upstream) {

    public static final String PREFIX = "/mcp/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    public static Optional<McpPath> parse(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = rawPath.substring(PREFIX.length());
        return NAME.matcher(name).matches() && !name.contains("..") ? Optional.of(new McpPath(name)) : Optional.empty();
    }

    /** The route as keys scope it and traces show it. */
    public String route() {
        return PREFIX + upstream;
    }

    /** An {@code /mcp/} path as the MCP route's address: the server, by its upstream's name. */
    public static Address address(String method, String rawPath, String query) {
        if (!rawPath.startsWith(PREFIX)) {
            return null;
        }
        return parse(rawPath)
                .map(p -> new Address(p.route(), p.upstream(), "", null))
                .orElse(Address.refused(PREFIX + "*", ProxyError.invalidPath()));
    }
}
