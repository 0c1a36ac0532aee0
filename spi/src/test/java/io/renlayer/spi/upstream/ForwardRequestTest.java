package io.renlayer.spi.upstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardRequestTest {

    @Test
    void changesReturnNewRequestsAndLeaveTheOriginalAlone() {
        ForwardRequest original = ForwardRequest.of(
                        "POST", URI.create("http://u/v1/chat/completions"), "{}".getBytes(UTF_8))
                .withHeader("Content-Type", "application/json");

        ForwardRequest changed = original.withHeader("content-type", "text/plain")
                .withHeader("X-Extra", "1")
                .withUri(URI.create("http://other/v1"));

        assertThat(original.headers()).containsExactly(Map.entry("content-type", List.of("application/json")));
        assertThat(original.uri()).hasHost("u");
        assertThat(changed.headers())
                .containsEntry("content-type", List.of("text/plain"))
                .containsKey("x-extra");
        assertThat(changed.withoutHeader("X-EXTRA").headers()).doesNotContainKey("x-extra");
    }

    @Test
    void manyHeadersAtOnceReplaceByLowerCaseNameAndTheBodyIsWrittenAsItIs() throws Exception {
        ForwardRequest original = ForwardRequest.of("POST", URI.create("http://u"), "abc".getBytes(UTF_8))
                .withHeader("Accept", "*/*");
        Map<String, String> added = new LinkedHashMap<>();
        added.put("ACCEPT", "application/json");
        added.put("X-Trace", "7");

        ForwardRequest changed = original.withHeaders(added);

        assertThat(changed.headers())
                .containsExactly(Map.entry("accept", List.of("application/json")), Map.entry("x-trace", List.of("7")));
        assertThat(original.headers()).containsExactly(Map.entry("accept", List.of("*/*")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        changed.writeBodyTo(out);
        assertThat(out.toString(UTF_8)).isEqualTo("abc");
        assertThat(changed.bodyLength()).isEqualTo(3);
    }

    @Test
    void theBodyCannotBeChangedFromOutside() {
        byte[] body = "abc".getBytes(UTF_8);
        ForwardRequest request = ForwardRequest.of("POST", URI.create("http://u"), body);
        body[0] = 'z';
        request.body()[1] = 'z';
        assertThat(new String(request.body(), UTF_8)).isEqualTo("abc");
    }

    @Test
    void aWrappedBodyIsSentAsTheArrayItWasGivenAndStillCannotBeChangedThroughTheRequest() throws Exception {
        byte[] body = "abc".getBytes(UTF_8);
        ForwardRequest request = ForwardRequest.wrapping("POST", URI.create("http://u"), body);
        request.body()[1] = 'z';
        body[0] = 'x'; // the caller broke its promise: the request shows it, so no copy was made
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        request.withHeader("x-a", "1").writeBodyTo(sent);
        assertThat(sent.toString(UTF_8)).isEqualTo("xbc");
    }

    @Test
    void theDefaultPreparationAddsTheCredentialHeadersAndNeverPrintsThem() {
        UpstreamProvider provider = new UpstreamProvider() {
            @Override
            public String id() {
                return "p";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public Map<String, String> credentialHeaders(String credential) {
                return Map.of("Authorization", "Bearer " + credential);
            }

            @Override
            public Usage usageFromBody(byte[] body) {
                return Usage.UNKNOWN;
            }

            @Override
            public Usage usageFromEvent(String data) {
                return Usage.UNKNOWN;
            }
        };

        ForwardRequest prepared =
                provider.prepare(ForwardRequest.of("POST", URI.create("http://u"), new byte[0]), "sk-x");

        assertThat(prepared.headers()).containsEntry("authorization", List.of("Bearer sk-x"));
        assertThat(prepared.toString()).doesNotContain("sk-x");
    }
}
