package io.renlayer.proxy.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderPolicyTest {

    @Test
    void clientCredentialsAndHopByHopHeadersNeverReachTheUpstream() {
        Map<String, String> headers = Map.of("connection", "keep-alive, x-custom-hop");
        for (String name : new String[] {
            "authorization",
            "x-api-key",
            "cookie",
            "host",
            "content-length",
            "connection",
            "keep-alive",
            "transfer-encoding",
            "upgrade",
            "te",
            "proxy-authorization",
            "x-custom-hop",
            "accept-encoding",
            "x-renlayer-debug"
        }) {
            assertThat(HeaderPolicy.toUpstream(name, headers)).as(name).isFalse();
        }
        assertThat(HeaderPolicy.toUpstream("content-type", headers)).isTrue();
        assertThat(HeaderPolicy.toUpstream("openai-organization", headers)).isTrue();
        assertThat(HeaderPolicy.toUpstream("anthropic-version", headers)).isTrue();
    }

    @Test
    void aProvidersOwnCredentialIsSendableButWireLevelHeadersAreNot() {
        assertThat(HeaderPolicy.sendable("authorization")).isTrue();
        assertThat(HeaderPolicy.sendable("x-api-key")).isTrue();
        assertThat(HeaderPolicy.sendable("api-key")).isTrue();
        assertThat(HeaderPolicy.sendable("host")).isFalse();
        assertThat(HeaderPolicy.sendable("content-length")).isFalse();
        assertThat(HeaderPolicy.sendable("transfer-encoding")).isFalse();
        assertThat(HeaderPolicy.sendable("connection")).isFalse();
    }

    @Test
    void hopByHopAndLengthHeadersAreNotCopiedToTheClient() {
        assertThat(HeaderPolicy.toClient("Transfer-Encoding", null)).isFalse();
        assertThat(HeaderPolicy.toClient("Content-Length", null)).isFalse();
        assertThat(HeaderPolicy.toClient("X-Hop", "x-hop")).isFalse();
        assertThat(HeaderPolicy.toClient("Content-Type", null)).isTrue();
        assertThat(HeaderPolicy.toClient("x-ratelimit-remaining-requests", null))
                .isTrue();
    }
}
