package io.renlayer.proxy.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Address;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Inbound;
import io.renlayer.proxy.pipeline.StageResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AcceptStageTest {

    private static final byte[] JSON = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);

    /** A connection whose body is only read when asked, and says so. */
    private static final class FakeInbound implements Inbound {
        final byte[] body;
        final String badHeader;
        final boolean unreadable;
        int reads;

        FakeInbound(byte[] body, String badHeader, boolean unreadable) {
            this.body = body;
            this.badHeader = badHeader;
            this.unreadable = unreadable;
        }

        @Override
        public String clientAddress() {
            return "192.0.2.7";
        }

        @Override
        public Optional<String> headerWithControlCharacters() {
            return Optional.ofNullable(badHeader);
        }

        @Override
        public byte[] body(int limit) throws IOException {
            reads++;
            if (unreadable) {
                throw new IOException("a malformed chunk");
            }
            return body.length > limit ? null : body;
        }
    }

    private final KeyGuesses guesses = new KeyGuesses();

    private AcceptStage stage(List<String> methods, BodyRule rule, Set<String> disabled) {
        return new AcceptStage(methods, rule, 64, disabled::contains, guesses);
    }

    private static Exchange exchange(String method, Address address, FakeInbound inbound, String contentType) {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", "Bearer rk_live_x");
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return new Exchange("req", method, address, headers, inbound);
    }

    private static String code(StageResult result) {
        return result.rejection().map(ProxyError::code).orElse(result.proceeds() ? "proceed" : "answered");
    }

    @Test
    void aGoodCallProceedsWithItsBodyRead() {
        FakeInbound in = new FakeInbound(JSON, null, false);
        Exchange call = exchange("POST", Address.of("/v1/chat/completions", "/chat"), in, "application/json");

        assertThat(code(stage(List.of("POST"), BodyRule.JSON, Set.of()).apply(call)))
                .isEqualTo("proceed");
        assertThat(call.body()).isEqualTo(JSON);
    }

    @Test
    void refusalsComeInTheirOrderAndNoneReadsTheBody() {
        Address chat = Address.of("/v1/chat/completions", "/chat");
        FakeInbound in = new FakeInbound(JSON, "X-Agent", false);
        // A smuggled line break outranks everything, even a route switched off.
        assertThat(code(stage(List.of("POST"), BodyRule.JSON, Set.of("/v1/chat/completions"))
                        .apply(exchange("GET", chat, in, null))))
                .isEqualTo("invalid_header");
        FakeInbound clean = new FakeInbound(JSON, null, false);
        assertThat(code(stage(List.of("POST"), BodyRule.JSON, Set.of())
                        .apply(exchange("GET", Address.refused("unmatched", ProxyError.invalidPath()), clean, null))))
                .isEqualTo("invalid_path");
        assertThat(code(stage(List.of("POST"), BodyRule.JSON, Set.of("/v1/chat/completions"))
                        .apply(exchange("GET", chat, clean, null))))
                .isEqualTo("route_disabled");
        StageResult wrongMethod =
                stage(List.of("POST"), BodyRule.JSON, Set.of()).apply(exchange("GET", chat, clean, null));
        assertThat(code(wrongMethod)).isEqualTo("method_not_allowed");
        assertThat(wrongMethod.rejection().orElseThrow().headers()).containsEntry("allow", "POST");
        assertThat(clean.reads).isZero();
    }

    @Test
    void theBodyIsBoundedAndAJsonRouteWantsJsonInUtf8() {
        Address chat = Address.of("/v1/chat/completions", "/chat");
        AcceptStage json = stage(List.of("POST"), BodyRule.JSON, Set.of());
        assertThat(code(json.apply(exchange("POST", chat, new FakeInbound(new byte[65], null, false), null))))
                .isEqualTo("request_too_large");
        assertThat(code(json.apply(exchange("POST", chat, new FakeInbound(JSON, null, true), null))))
                .isEqualTo("invalid_request");
        assertThat(code(json.apply(exchange("POST", chat, new FakeInbound(JSON, null, false), "text/plain"))))
                .isEqualTo("unsupported_media_type");
        assertThat(code(json.apply(exchange(
                        "POST", chat, new FakeInbound(new byte[] {'"', (byte) 0xC3, '"'}, null, false), null))))
                .isEqualTo("invalid_encoding");
    }

    @Test
    void anMcpGetAndAServiceBodyAreNotHeldToJsonAndTheModelListReadsNoBody() {
        byte[] form = "a=b".getBytes(StandardCharsets.UTF_8);
        assertThat(code(stage(List.of("POST", "GET", "DELETE"), BodyRule.JSON_WHEN_POST, Set.of())
                        .apply(exchange(
                                "GET", Address.of("/mcp/s", ""), new FakeInbound(form, null, false), "text/x"))))
                .isEqualTo("proceed");
        assertThat(code(stage(List.of(), BodyRule.ANY, Set.of())
                        .apply(exchange(
                                "PUT", Address.of("/services/s", "/x"), new FakeInbound(form, null, false), "text/x"))))
                .isEqualTo("proceed");
        FakeInbound models = new FakeInbound(form, null, false);
        Exchange list = exchange("GET", Address.of("/v1/models", ""), models, null);
        assertThat(code(stage(List.of("GET"), BodyRule.NONE, Set.of()).apply(list)))
                .isEqualTo("proceed");
        assertThat(models.reads).isZero();
        assertThat(list.body()).isEmpty();
    }
}
