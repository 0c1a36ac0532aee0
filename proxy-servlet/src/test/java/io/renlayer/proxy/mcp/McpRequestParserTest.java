package io.renlayer.proxy.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpRequestParserTest {

    @Test
    void readsToolCallsInASingleMessageAndInABatch() {
        List<McpMessage> single = parse("""
                {"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"echo","arguments":{"m":"hi"}}}""");
        assertThat(single).containsExactly(new McpMessage("tools/call", "\"a\"", "echo", "{\"m\":\"hi\"}"));

        List<McpMessage> batch = parse("""
                [{"jsonrpc":"2.0","id":1,"method":"tools/list"},{"jsonrpc":"2.0","method":"notifications/initialized"}]""");
        assertThat(batch).extracting(McpMessage::method).containsExactly("tools/list", "notifications/initialized");
        assertThat(batch.get(0).listsTools()).isTrue();
        assertThat(batch.get(1).idJson()).isNull();
    }

    @Test
    void refusesWhatIsNotJsonRpc() {
        for (String body : List.of("", "not json", "[]", "[1,2]", "42")) {
            assertThat(McpRequestParser.parse(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body)
                    .isEmpty();
        }
    }

    private static List<McpMessage> parse(String body) {
        return McpRequestParser.parse(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }
}
