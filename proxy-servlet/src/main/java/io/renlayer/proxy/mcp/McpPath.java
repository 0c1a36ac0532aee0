package io.renlayer.proxy.mcp;

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
}
