package io.renlayer.proxy.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.proxy.error.ErrorDialect;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.mcp.McpPath;
import io.renlayer.proxy.pipeline.Address;
import io.renlayer.proxy.pipeline.InboundPipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final InboundPipeline NONE = new InboundPipeline(List.of());
    private static final Route CHAT = new Route(
            "/v1/chat/completions",
            PathPattern.exactly("/v1/chat/completions", "/chat/completions"),
            ErrorDialect.OPENAI,
            NONE,
            true);
    private static final Route SERVICES =
            new Route("/services/*", ServicePath::address, ErrorDialect.OPENAI, NONE, true);
    private static final Route MCP = new Route("/mcp/*", McpPath::address, ErrorDialect.MCP, NONE, true);
    private static final Route UNMATCHED = new Route(
            "unmatched",
            (method, path, query) -> Address.refused("unmatched", ProxyError.unknownRoute(method, path)),
            ErrorDialect.OPENAI,
            NONE,
            false);
    private static final RouteTable TABLE = new RouteTable(List.of(CHAT, SERVICES, MCP), UNMATCHED);

    @Test
    void eachPathFindsItsRouteAndItsAddress() {
        RouteTable.Match chat = TABLE.match("POST", "/v1/chat/completions", null);
        assertThat(chat.route()).isSameAs(CHAT);
        assertThat(chat.address()).isEqualTo(Address.of("/v1/chat/completions", "/chat/completions"));

        RouteTable.Match service = TABLE.match("GET", "/services/billing/v2/invoices", "page=2");
        assertThat(service.route()).isSameAs(SERVICES);
        assertThat(service.address())
                .isEqualTo(new Address("/services/billing", "billing", "/v2/invoices?page=2", null));

        RouteTable.Match mcp = TABLE.match("POST", "/mcp/github", null);
        assertThat(mcp.route()).isSameAs(MCP);
        assertThat(mcp.address().target()).isEqualTo("github");
    }

    @Test
    void aPathNoRouteServesOrThatBreaksItsRouteRulesIsRefusedUnderAFixedLabel() {
        RouteTable.Match unknown = TABLE.match("GET", "/v1/whatever/a-caller-chose", null);
        assertThat(unknown.route()).isSameAs(UNMATCHED);
        assertThat(unknown.address().refusal().code()).isEqualTo("unknown_route");
        assertThat(unknown.address().route()).isEqualTo("unmatched");

        RouteTable.Match climbing = TABLE.match("GET", "/services/billing/../admin", null);
        assertThat(climbing.route()).isSameAs(SERVICES);
        assertThat(climbing.address().refusal().code()).isEqualTo("invalid_path");
        assertThat(climbing.address().route()).isEqualTo("/services/*");

        RouteTable.Match badServer = TABLE.match("POST", "/mcp/..", null);
        assertThat(badServer.route()).isSameAs(MCP);
        assertThat(badServer.address().refusal().code()).isEqualTo("invalid_path");
    }
}
