package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Trace queries: filters, cursor pages, sessions, and the redacted bodies of one call. */
@ExtendWith(GatewayExtension.class)
class TraceQueryIT {

    private static final String AWS_KEY = "AKIAQWERTYUIOPASDFGH";
    private static final String EMAIL = "jane.doe@acme-corp.com";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tracesAreFilteredPagedGroupedBySessionAndStoredRedacted(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String base = "/api/v1/tenants/" + t.tenantId() + "/traces";
        platform.post(
                "/api/v1/tenants/" + t.tenantId() + "/policies",
                "{\"name\":\"flag-aws\",\"priority\":10,\"conditions\":{\"findingTypes\":[\"AWS_ACCESS_KEY_ID\"]},\"action\":\"FLAG\"}");
        Thread.sleep(1_000); // the policy reaches the proxy's cache through LISTEN/NOTIFY

        assertThat(chat(gateway, t.key(), "sess-1", Proxy.userMessage("gpt-4o", "my key is " + AWS_KEY))
                        .statusCode())
                .isEqualTo(200);
        chat(gateway, t.key(), "sess-1", Proxy.userMessage("gpt-4o", "nothing to see"));
        chat(gateway, t.key(), "sess-2", Proxy.userMessage("gpt-4o-mini", "plain"));
        chat(gateway, t.key(), "sess-2", """
                {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"mail %s please"}]}""".formatted(EMAIL));
        awaitCount(platform, base + "?limit=100", 4);

        assertThat(items(platform, base + "?sessionId=sess-1")).hasSize(2);
        assertThat(items(platform, base + "?model=gpt-4o-mini")).hasSize(2);
        assertThat(items(platform, base + "?status=2xx&agentId=" + t.agentId())).hasSize(4);
        assertThat(items(platform, base + "?status=4xx")).isEmpty();
        JsonArray withKey = items(platform, base + "?findingType=AWS_ACCESS_KEY_ID");
        assertThat(withKey).hasSize(1);
        assertThat(items(platform, base + "?decision=FLAG")).hasSize(1);
        assertThat(withKey.getJsonObject(0)).doesNotContainKey("redactedRequest"); // lists carry no bodies

        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            JsonObject page =
                    Platform.json(platform.get(base + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                            .body());
            page.getJsonArray("items").forEach(v -> seen.add(v.asJsonObject().getString("id")));
            cursor = page.containsKey("nextCursor") && !page.isNull("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        assertThat(seen).hasSize(4);

        JsonArray sessions = items(platform, base + "/sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.getJsonObject(0).getString("sessionId")).isEqualTo("sess-2");
        assertThat(sessions.getJsonObject(1).getInt("requests")).isEqualTo(2);

        JsonObject detail =
                Platform.json(platform.get(base + "/" + withKey.getJsonObject(0).getString("id"))
                        .body());
        assertThat(detail.getString("redactedRequest"))
                .contains("[REDACTED:AWS_ACCESS_KEY_ID]")
                .doesNotContain(AWS_KEY);
        assertThat(detail.getString("redactedResponse"))
                .contains("Echo: my key is [REDACTED:AWS_ACCESS_KEY_ID]")
                .doesNotContain(AWS_KEY);
        assertThat(detail.getString("decision")).isEqualTo("FLAG");

        JsonObject streamed =
                items(platform, base + "?findingType=EMAIL_ADDRESS").getJsonObject(0);
        JsonObject streamedDetail = Platform.json(
                platform.get(base + "/" + streamed.getString("id")).body());
        assertThat(streamedDetail.getString("redactedRequest"))
                .contains("[REDACTED:EMAIL_ADDRESS]")
                .doesNotContain(EMAIL);
        assertThat(streamedDetail.getString("redactedResponse"))
                .contains("data:")
                .doesNotContain("jane.doe");
    }

    @Test
    void aLongBodyIsStoredCompressedWithLz4AndReadBackWhole(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String base = "/api/v1/tenants/" + t.tenantId() + "/traces";
        String prompt = "the workers drain the queue in order while operators watch the dashboard ".repeat(200);
        assertThat(chat(gateway, t.key(), "long", Proxy.userMessage("gpt-4o", prompt))
                        .statusCode())
                .isEqualTo(200);
        awaitCount(platform, base, 1);

        try (var c = Gateway.database();
                var ps = c.prepareStatement(
                        "SELECT pg_column_compression(redacted_body) FROM renlayer.traces WHERE tenant_id = ?")) {
            ps.setObject(1, UUID.fromString(t.tenantId()));
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("lz4");
            }
        }
        JsonObject detail = Platform.json(
                platform.get(base + "/" + items(platform, base).getJsonObject(0).getString("id"))
                        .body());
        assertThat(detail.getString("redactedRequest")).contains(prompt.strip());
    }

    @Test
    void bodiesAreStoredAsSentAndASessionTheBodyNamesGroupsItsCalls(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String base = "/api/v1/tenants/" + t.tenantId() + "/traces";
        String ascii = """
                {"model":"gpt-4o","metadata":{"session_id":"from-the-body"},"messages":[{"role":"user","content":"caf\\u00e9 one"}]}""";
        String utf8 = """
                {"model":"gpt-4o","messages":[{"role":"user","content":"café, 中文 and 😀 two"}]}""";

        assertThat(chat(gateway, t.key(), null, ascii).statusCode()).isEqualTo(200);
        assertThat(chat(gateway, t.key(), null, utf8).statusCode()).isEqualTo(200);
        awaitCount(platform, base + "?limit=100", 2);

        JsonArray sessions = items(platform, base + "/sessions");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.getJsonObject(0).getString("sessionId")).isEqualTo("from-the-body");
        assertThat(sessions.getJsonObject(0).getInt("requests")).isEqualTo(1);
        Set<String> stored = new HashSet<>();
        for (var item : items(platform, base + "?limit=100")) {
            String id = item.asJsonObject().getString("id");
            stored.add(Platform.json(platform.get(base + "/" + id).body()).getString("redactedRequest"));
        }
        assertThat(stored).containsExactlyInAnyOrder(ascii, utf8);
    }

    @Test
    void badFiltersAreNamedInTheProblem(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String base = "/api/v1/tenants/" + platform.newTenant().tenantId() + "/traces";
        for (String[] bad : new String[][] {
            {"status=abc", "status"},
            {"from=yesterday", "from"},
            {"agentId=42", "agentId"},
            {"limit=0", "limit"},
            {"cursor=%21%21", "cursor"},
            {"decision=MAYBE", "decision"}
        }) {
            HttpResponse<String> response = platform.get(base + "?" + bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(Platform.json(response.body()).getString("field")).isEqualTo(bad[1]);
        }
        assertThat(platform.get(base + "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> chat(Gateway gateway, String key, String session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("x-session-id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonArray items(Platform platform, String path) throws Exception {
        HttpResponse<String> response = platform.get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return Platform.json(response.body()).getJsonArray("items");
    }

    private static void awaitCount(Platform platform, String path, int count) throws Exception {
        for (int i = 0; i < 150; i++) {
            if (items(platform, path).size() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " traces after 15 s");
    }
}
