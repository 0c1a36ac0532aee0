package io.renlayer.proxy.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolListFilterTest {

    private final ToolListFilter filter = new ToolListFilter(List.of("echo", "get-*"));

    @Test
    void keepsOnlyAllowedToolsOfAToolsListResult() {
        String rewritten = filter.rewrite("""
                {"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"echo"},{"name":"get-sum"},{"name":"rm-rf"}],
                 "nextCursor":"c2"}}""");
        assertThat(rewritten)
                .contains("\"echo\"", "\"get-sum\"", "\"nextCursor\":\"c2\"")
                .doesNotContain("rm-rf");
    }

    @Test
    void filtersEachResponseOfABatch() {
        String rewritten = filter.rewrite("""
                [{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"rm-rf"}]}},{"jsonrpc":"2.0","id":2,"result":{}}]""");
        assertThat(rewritten)
                .isEqualTo("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[]}},"
                        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}]");
    }

    @Test
    void leavesOtherMessagesUntouched() {
        String call =
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"tools\"}]}}";
        String notJson = "\"tools\" but not JSON {";
        assertThat(filter.rewrite(call)).isSameAs(call);
        assertThat(filter.rewrite(notJson)).isSameAs(notJson);
    }
}
