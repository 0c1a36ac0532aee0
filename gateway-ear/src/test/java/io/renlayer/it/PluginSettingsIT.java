package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.sim.UpstreamSimulator.ReceivedRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plugins configured per tenant through the Platform API: the built-in actions listed as plugins,
 * the example vendor's office-hours action with each tenant's own hours, a detector that needs a
 * setting (and a secret one) to run, the shipped route action, and a vendor action that throws,
 * contained by the tenant's fail mode.
 */
@ExtendWith(GatewayExtension.class)
class PluginSettingsIT {

    @Test
    void theBuiltInActionsDetectorsAndProvidersAreListedAsPlugins(Gateway gateway) throws Exception {
        JsonObject list =
                Platform.json(new Platform(gateway).get("/api/v1/plugins").body());

        for (String action : List.of("allow", "flag", "redact", "deny", "route")) {
            JsonObject listed = TestPlugins.listed(list, action).orElseThrow();
            assertThat(listed.getString("kind")).isEqualTo("POLICY_ACTION");
            assertThat(listed.getString("sourceJar")).isEqualTo("renlayer-policy-builtin.jar");
        }
        assertThat(TestPlugins.listed(list, "renlayer-pii").orElseThrow().getString("kind"))
                .isEqualTo("DLP_DETECTOR");
        assertThat(TestPlugins.listed(list, "anthropic").orElseThrow().getString("kind"))
                .isEqualTo("UPSTREAM_PROVIDER");
        JsonObject upstream = TestPlugins.listed(list, "route")
                .orElseThrow()
                .getJsonArray("configProperties")
                .getJsonObject(0);
        assertThat(upstream.getString("name")).isEqualTo("upstream");
        assertThat(upstream.getBoolean("required")).isTrue();
    }

    @Test
    void eachTenantRunsTheVendorsActionWithItsOwnSettings(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        TestPlugins.install(gateway, platform);
        Platform.TestTenant closed = platform.newTenant();
        Platform.TestTenant open = platform.newTenant();
        // Hours that make the test independent of the clock: never open, and always open.
        configure(platform, closed, "actions/office-hours", "{\"settings\":{\"opens\":0,\"closes\":0}}", 200);
        configure(platform, open, "actions/office-hours", """
                {"settings":{"opens":"0","closes":"24","weekends":true,"zone":"Asia/Tokyo"}}""", 200);
        for (Platform.TestTenant t : List.of(closed, open)) {
            assertThat(platform.post("/api/v1/tenants/" + t.tenantId() + "/policies", """
                            {"name":"office","action":"office-hours"}""")
                            .statusCode())
                    .isEqualTo(201);
        }

        HttpResponse<String> refused = new Proxy(gateway).awaitStatus(closed.key(), 403);
        assertThat(Platform.json(refused.body()).getJsonObject("error").getString("param"))
                .isEqualTo("office");
        assertThat(new Proxy(gateway)
                        .chat(open.key(), Proxy.userMessage("gpt-4o", "hello"))
                        .statusCode())
                .isEqualTo(200);

        JsonObject shown =
                Platform.json(platform.get("/api/v1/tenants/" + open.tenantId() + "/plugins/actions/office-hours")
                        .body());
        assertThat(shown.getJsonObject("settings").getString("zone")).isEqualTo("Asia/Tokyo");
        assertThat(shown.getJsonObject("settings").getString("opens")).isEqualTo("0");
        assertThat(shown.getBoolean("runs")).isTrue();
        JsonObject audit = Platform.json(platform.get(
                                "/api/v1/tenants/" + open.tenantId() + "/audit?action=tenant_plugin.update&limit=1")
                        .body())
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(audit.getString("targetId")).isEqualTo("actions/office-hours");
        assertThat(audit.getString("after")).contains("zone").doesNotContain("Asia/Tokyo");
    }

    @Test
    void settingsAreCheckedAgainstWhatThePluginDeclares(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        TestPlugins.install(gateway, platform);
        Platform.TestTenant t = platform.newTenant();

        JsonObject notANumber =
                configure(platform, t, "actions/office-hours", "{\"settings\":{\"opens\":\"nine\"}}", 400);
        assertThat(notANumber.getString("field")).isEqualTo("settings.opens");
        JsonObject unknown = configure(platform, t, "actions/office-hours", "{\"settings\":{\"lunch\":\"12\"}}", 400);
        assertThat(unknown.getString("detail")).contains("takes no setting 'lunch'");
        configure(platform, t, "actions/office-hours", "{\"settings\":{\"outside\":\"shrug\"}}", 400);
        configure(platform, t, "actions/office-hours", "{\"settings\":[1]}", 400);
        configure(platform, t, "actions/office-hours", "{\"enabled\":\"yes\"}", 400);
        configure(platform, t, "actions/no-such-action", "{}", 404);
        configure(platform, t, "gadgets/office-hours", "{}", 404);

        HttpResponse<String> routeWithoutUpstream = platform.post("/api/v1/tenants/" + t.tenantId() + "/policies", """
                {"name":"to-nowhere","action":"route"}""");
        assertThat(routeWithoutUpstream.statusCode()).isEqualTo(400);
        assertThat(routeWithoutUpstream.body()).contains("needs settings first: [upstream]");

        configure(platform, t, "actions/deny", "{\"enabled\":false}", 200);
        HttpResponse<String> denyOff = platform.post("/api/v1/tenants/" + t.tenantId() + "/policies", """
                {"name":"no","action":"DENY"}""");
        assertThat(denyOff.statusCode()).isEqualTo(400);
        assertThat(denyOff.body()).contains("switched off for this tenant");
    }

    @Test
    void aDetectorWithARequiredSettingRunsOnlyWhereItIsGivenAndItsSecretIsNeverShown(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        TestPlugins.install(gateway, platform);
        Platform.TestTenant configured = platform.newTenant();
        Platform.TestTenant other = platform.newTenant();
        String token = "tok-" + "s3cr3t-value-42";
        configure(platform, configured, "detectors/it-configured", """
                {"settings":{"marker":"BLUEBIRD","token":"%s"}}""".formatted(token), 200);

        String requestA = chatId(gateway, configured, "status of BLUEBIRD today");
        String requestB = chatId(gateway, other, "status of BLUEBIRD today");

        JsonObject found = platform.awaitTrace(configured.tenantId(), tr -> requestA.equals(tr.getString("requestId")));
        assertThat(found.getJsonArray("findings").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(f -> f.getString("detector").equals("it-configured"))
                        .map(f -> f.getString("type"))
                        .toList())
                .containsExactly("MARKER_WITH_TOKEN_" + token.length());
        JsonObject notRun = platform.awaitTrace(other.tenantId(), tr -> requestB.equals(tr.getString("requestId")));
        assertThat(notRun.getJsonArray("findings").toString()).doesNotContain("it-configured");

        // "Test on text" in the API runs what the tenant's traffic runs, with its settings.
        assertThat(platform.post("/api/v1/tenants/" + configured.tenantId() + "/dlp/scan", "{\"text\":\"BLUEBIRD\"}")
                        .body())
                .contains("MARKER_WITH_TOKEN_" + token.length());
        assertThat(platform.post("/api/v1/tenants/" + other.tenantId() + "/dlp/scan", "{\"text\":\"BLUEBIRD\"}")
                        .body())
                .doesNotContain("MARKER_");

        HttpResponse<String> shown =
                platform.get("/api/v1/tenants/" + configured.tenantId() + "/plugins/detectors/it-configured");
        assertThat(shown.body()).doesNotContain(token);
        JsonObject view = Platform.json(shown.body());
        assertThat(view.getJsonArray("secretsSet").getValuesAs(JsonString::getString))
                .containsExactly("token");
        assertThat(view.getJsonObject("settings").keySet()).containsExactly("marker");
        JsonObject otherView =
                Platform.json(platform.get("/api/v1/tenants/" + other.tenantId() + "/plugins/detectors/it-configured")
                        .body());
        assertThat(otherView.getBoolean("runs")).isFalse();
        assertThat(otherView.getJsonArray("missing").getValuesAs(JsonString::getString))
                .containsExactly("marker");
        try (var db = Gateway.database();
                var st = db.prepareStatement(
                        "SELECT settings, secrets_enc FROM renlayer.tenant_plugins WHERE tenant_id = ?::uuid")) {
            st.setString(1, configured.tenantId());
            try (var rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).doesNotContain(token);
                assertThat(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1))
                        .doesNotContain(token);
            }
        }
        assertThat(platform.get("/api/v1/tenants/" + other.tenantId() + "/plugins")
                        .body())
                .doesNotContain(token);
        try (Stream<Path> files = Files.walk(gateway.logs())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                        .as(file.toString())
                        .doesNotContain(token);
            }
        }
    }

    @Test
    void aTenantSwitchesTheVendorsDetectorOffForItsOwnTrafficOnly(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        TestPlugins.install(gateway, platform);
        Platform.TestTenant off = platform.newTenant();
        Platform.TestTenant on = platform.newTenant();
        configure(platform, off, "detectors/acme-employee-id", "{\"enabled\":false}", 200);
        Thread.sleep(1000); // the setting lives on the proxy

        String quiet = chatId(gateway, off, "badge ACME-123456 at the gate");
        String heard = chatId(gateway, on, "badge ACME-123456 at the gate");

        assertThat(platform.awaitTrace(off.tenantId(), tr -> quiet.equals(tr.getString("requestId")))
                        .getJsonArray("findings")
                        .toString())
                .doesNotContain("acme-employee-id");
        assertThat(platform.awaitTrace(on.tenantId(), tr -> heard.equals(tr.getString("requestId")))
                        .getJsonArray("findings")
                        .toString())
                .contains("ACME_EMPLOYEE_ID");
        assertThat(platform.get("/api/v1/tenants/" + off.tenantId() + "/plugins/detectors/acme-employee-id")
                        .body())
                .contains("\"enabled\":false");
    }

    @Test
    void theRouteActionSendsCallsWithCustomerDataToTheSelfHostedModel(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        HttpResponse<String> selfHosted = platform.post("/api/v1/tenants/" + t.tenantId() + "/upstreams", """
                {"name":"self-hosted","provider":"openai","baseUrl":"%s","credential":"%s","models":["llama-*"]}""".formatted(
                        gateway.upstream.baseUrl(), Gateway.UPSTREAM_CREDENTIAL));
        assertThat(selfHosted.statusCode()).isEqualTo(201);
        String selfHostedId = Platform.json(selfHosted.body()).getString("id");
        configure(
                platform,
                t,
                "actions/route",
                "{\"settings\":{\"upstream\":\"self-hosted\",\"model\":\"llama-3\"}}",
                200);
        assertThat(platform.post("/api/v1/tenants/" + t.tenantId() + "/policies", """
                        {"name":"pii-stays-home","conditions":{"findingTypes":["EMAIL_ADDRESS"]},"action":"route"}""")
                        .statusCode())
                .isEqualTo(201);
        Thread.sleep(1000); // the policy and the settings live on the proxy (a change notification each)

        HttpResponse<String> routed = new Proxy(gateway)
                .chat(t.key(), Proxy.userMessage("gpt-4o", "write to jane@acme.io about the invoice"));
        assertThat(routed.statusCode()).as(routed.body()).isEqualTo(200);
        ReceivedRequest forwarded = gateway.upstream.received().getLast();
        assertThat(new String(forwarded.body(), StandardCharsets.UTF_8))
                .contains("\"model\":\"llama-3\"")
                .doesNotContain("gpt-4o");

        HttpResponse<String> plain = new Proxy(gateway).chat(t.key(), Proxy.userMessage("gpt-4o", "what is 2+2"));
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(new String(gateway.upstream.received().getLast().body(), StandardCharsets.UTF_8))
                .contains("\"model\":\"gpt-4o\"");
        String plainId = plain.headers().firstValue("x-request-id").orElseThrow();
        assertThat(platform.awaitTrace(t.tenantId(), tr -> plainId.equals(tr.getString("requestId")))
                        .getString("upstreamId"))
                .isNotEqualTo(selfHostedId);

        String requestId = routed.headers().firstValue("x-request-id").orElseThrow();
        JsonObject trace = platform.awaitTrace(t.tenantId(), tr -> requestId.equals(tr.getString("requestId")));
        JsonObject applied = trace.getJsonArray("policies").getJsonObject(0);
        assertThat(applied.getString("action")).isEqualTo("ROUTE");
        assertThat(applied.getString("routedUpstream")).isEqualTo("self-hosted");
        assertThat(applied.getString("routedModel")).isEqualTo("llama-3");
        assertThat(trace.getString("model")).isEqualTo("llama-3");
        assertThat(trace.getString("upstreamId")).isEqualTo(selfHostedId);
        assertThat(trace.getJsonArray("flags").getValuesAs(JsonString::getString))
                .contains("policy_routed:pii-stays-home");
    }

    @Test
    void aRouteToAnUpstreamTheTenantDoesNotHaveRefusesTheCallRatherThanSendItOn(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        configure(platform, t, "actions/route", "{\"settings\":{\"upstream\":\"nowhere\"}}", 200);
        assertThat(platform.post("/api/v1/tenants/" + t.tenantId() + "/policies", """
                        {"name":"everything-elsewhere","action":"route"}""")
                        .statusCode())
                .isEqualTo(201);
        int before = gateway.upstream.received().size();

        HttpResponse<String> refused = new Proxy(gateway).awaitStatus(t.key(), 503);

        JsonObject error = Platform.json(refused.body()).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("policy_route_unavailable");
        assertThat(error.getString("param")).isEqualTo("everything-elsewhere");
        assertThat(gateway.upstream.received()).hasSize(before);
    }

    @Test
    void aVendorActionThatThrowsIsFlaggedOrRefusedAsTheTenantChose(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        TestPlugins.install(gateway, platform);
        Platform.TestTenant lenient = platform.newTenant();
        Platform.TestTenant strict = platform.newTenant();
        try (var db = Gateway.database();
                var st = db.prepareStatement(
                        "UPDATE renlayer.tenants SET plugin_fail_mode = 'deny' WHERE id = ?::uuid")) {
            st.setString(1, strict.tenantId());
            st.executeUpdate();
        }
        for (Platform.TestTenant t : List.of(lenient, strict)) {
            assertThat(platform.post("/api/v1/tenants/" + t.tenantId() + "/policies", """
                            {"name":"buggy","action":"it-throwing-action"}""")
                            .statusCode())
                    .isEqualTo(201);
        }
        Thread.sleep(1000);

        HttpResponse<String> through = new Proxy(gateway).chat(lenient.key(), Proxy.userMessage("gpt-4o", "hello"));
        assertThat(through.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = new Proxy(gateway).awaitStatus(strict.key(), 503);
        assertThat(Platform.json(refused.body()).getJsonObject("error").getString("code"))
                .isEqualTo("inspection_failed");

        String requestId = through.headers().firstValue("x-request-id").orElseThrow();
        JsonObject trace = platform.awaitTrace(lenient.tenantId(), tr -> requestId.equals(tr.getString("requestId")));
        assertThat(trace.getJsonArray("flags").getValuesAs(JsonString::getString))
                .contains("policy_action_failed:buggy");
        JsonObject health = TestPlugins.listed(
                        Platform.json(platform.get("/api/v1/plugins").body()), "it-throwing-action")
                .orElseThrow()
                .getJsonObject("health");
        assertThat(health.getString("status")).isEqualTo("degraded");
        assertThat(health.getString("lastError")).contains("IllegalStateException");
    }

    @Test
    void aVendorProviderWhoseUsageParsingThrowsLeavesAHealthyStreamWhole(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        TestPlugins.install(gateway, platform);
        Platform.TestTenant t = platform.newTenant();
        flakyUpstream(platform, gateway, t);

        HttpResponse<String> streamed =
                HttpClient.newHttpClient().send(flakyStream(gateway, t).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(streamed.statusCode()).isEqualTo(200);
        long events =
                streamed.body().lines().filter(l -> l.startsWith("data: ")).count();
        assertThat(events).isGreaterThan(1);
        assertThat(streamed.body()).contains("\"finishReason\":\"STOP\""); // the last event arrived
        String requestId = streamed.headers().firstValue("x-request-id").orElseThrow();
        JsonObject trace = platform.awaitTrace(t.tenantId(), tr -> requestId.equals(tr.getString("requestId")));
        assertThat(trace.getInt("status")).isEqualTo(200);
        assertThat(trace.containsKey("completionTokens"))
                .as("usage nobody could read is unknown")
                .isFalse();
        JsonObject health = TestPlugins.listed(
                        Platform.json(platform.get("/api/v1/plugins").body()), "it-flaky")
                .orElseThrow()
                .getJsonObject("health");
        assertThat(health.getString("status")).isEqualTo("degraded");
        assertThat(health.getInt("failures")).isGreaterThanOrEqualTo((int) events);
    }

    @Test
    void aCallInFlightFinishesOnThePluginsItStartedWithWhenTheirJarIsRemoved(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        TestPlugins.install(gateway, platform);
        Platform.TestTenant t = platform.newTenant();
        flakyUpstream(platform, gateway, t);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest slowStream = flakyStream(gateway, t)
                .header("x-sim-chunk-delay-ms", "400") // the simulator takes seconds over the stream
                .build();
        String jar = TestPlugins.MISBEHAVING.getFileName().toString();
        try {
            CompletableFuture<HttpResponse<String>> inFlight =
                    http.sendAsync(slowStream, HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            gateway.removePlugin(jar);
            TestPlugins.await(
                    platform,
                    list -> TestPlugins.listed(list, "it-flaky").isEmpty() ? Optional.of(list) : Optional.empty());
            assertThat(inFlight.isDone())
                    .as("the stream outlives the reload it spans")
                    .isFalse();

            HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(finished.statusCode()).isEqualTo(200);
            assertThat(finished.body()).contains("\"finishReason\":\"STOP\"");
            assertThat(http.send(slowStream, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .as("the route went with its jar")
                    .isEqualTo(404);
        } finally {
            gateway.installPlugin(TestPlugins.MISBEHAVING);
            TestPlugins.await(platform, list -> TestPlugins.listed(list, "it-flaky"));
        }
    }

    /** The tenant's upstream for the misbehaving provider: the simulator, speaking Gemini's dialect. */
    private static void flakyUpstream(Platform platform, Gateway gateway, Platform.TestTenant t) throws Exception {
        String base = gateway.upstream.baseUrl().replaceFirst("/v1$", "/v1beta");
        assertThat(platform.post("/api/v1/tenants/" + t.tenantId() + "/upstreams", """
                        {"name":"flaky","provider":"it-flaky","baseUrl":"%s","credential":"%s","models":["gemini-*"]}""".formatted(
                                        base, Gateway.UPSTREAM_CREDENTIAL))
                        .statusCode())
                .isEqualTo(201);
    }

    /** A streamed call on the misbehaving provider's own route. */
    private static HttpRequest.Builder flakyStream(Gateway gateway, Platform.TestTenant t) {
        return HttpRequest.newBuilder(URI.create(
                        gateway.proxyUrl() + "/it-flaky/models/gemini-2.0-flash:streamGenerateContent?alt=sse"))
                .header("Content-Type", "application/json")
                .header("x-goog-api-key", t.key())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"contents\":[{\"parts\":[{\"text\":\"count to five please\"}]}]}"));
    }

    private static JsonObject configure(
            Platform platform, Platform.TestTenant t, String plugin, String json, int status) throws Exception {
        HttpResponse<String> response = platform.put("/api/v1/tenants/" + t.tenantId() + "/plugins/" + plugin, json);
        assertThat(response.statusCode())
                .as(plugin + " " + json + ": " + response.body())
                .isEqualTo(status);
        return Platform.json(response.body());
    }

    private static String chatId(Gateway gateway, Platform.TestTenant t, String text) throws Exception {
        HttpResponse<String> response = new Proxy(gateway).chat(t.key(), Proxy.userMessage("gpt-4o", text));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("x-request-id").orElseThrow();
    }
}
