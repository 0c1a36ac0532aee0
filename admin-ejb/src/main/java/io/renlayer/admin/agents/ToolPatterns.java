package io.renlayer.admin.agents;

import io.renlayer.core.errors.InvalidRequestException;
import java.util.List;

/**
 * An agent's MCP tool allow-list: exact names, {@code prefix*}, or {@code *}. Empty is allowed
 * and means no tool at all; MCP tool names never contain commas, which the column uses to join.
 */
final class ToolPatterns {

    private ToolPatterns() {}

    static List<String> checked(List<String> patterns) {
        for (String p : patterns) {
            if (p == null || p.isBlank() || p.contains(",") || p.length() > 128) {
                throw new InvalidRequestException(
                        "allowedTools",
                        "each entry of allowedTools must be a tool name or pattern of up to 128 characters, without commas");
            }
        }
        return List.copyOf(patterns);
    }
}
