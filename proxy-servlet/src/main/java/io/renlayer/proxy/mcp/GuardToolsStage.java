package io.renlayer.proxy.mcp;

import io.renlayer.core.names.NamePattern;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import java.util.List;

/**
 * Holds an agent to its MCP tool allow-list: a {@code tools/call} of any other tool is refused
 * before it reaches the server, and a {@code tools/list} answer is filtered so the agent never
 * learns of tools it may not call.
 */
public final class GuardToolsStage implements Stage {

    @Override
    public StageResult apply(Exchange exchange) {
        List<String> allowed = exchange.key().agentTools();
        if (allowed.equals(List.of("*"))) {
            return StageResult.proceed();
        }
        boolean lists = false;
        for (McpMessage message : McpCall.messagesOf(exchange)) {
            if (message.callsTool() && !NamePattern.anyMatches(allowed, message.toolName())) {
                exchange.attachment(McpCall.class).answering(message.idJson());
                return StageResult.reject(ProxyError.toolNotAllowed(message.toolName()));
            }
            lists |= message.listsTools();
        }
        if (lists) {
            exchange.rewriteResponse(new ToolListFilter(allowed));
        }
        return StageResult.proceed();
    }
}
