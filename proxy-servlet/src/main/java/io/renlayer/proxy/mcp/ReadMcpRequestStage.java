package io.renlayer.proxy.mcp;

import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a POSTed JSON-RPC message (GET opens the server's event stream and DELETE ends the
 * session: neither has a body). The arguments of tool calls become the text that detectors and
 * policies inspect; each called tool is flagged on the trace.
 */
public final class ReadMcpRequestStage implements Stage {

    @Override
    public StageResult apply(Exchange exchange) {
        if (!exchange.method().equals("POST")) {
            return StageResult.proceed();
        }
        Optional<List<McpMessage>> parsed = McpRequestParser.parse(exchange.body());
        if (parsed.isEmpty()) {
            return StageResult.reject(ProxyError.invalidJsonRpc());
        }
        List<McpMessage> messages = parsed.get();
        exchange.attach(new McpCall(messages));
        messages.stream().filter(McpMessage::callsTool).forEach(call -> exchange.flag("tool:" + call.toolName()));
        String arguments = messages.stream()
                .filter(m -> m.argumentsJson() != null)
                .map(McpMessage::argumentsJson)
                .collect(Collectors.joining("\n"));
        exchange.describedAs(null, false, arguments);
        return StageResult.proceed();
    }
}
