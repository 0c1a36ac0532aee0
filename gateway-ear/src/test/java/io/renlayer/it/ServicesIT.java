package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.sim.UpstreamSimulator.ReceivedRequest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registered services: forwarded with their own credential, for their allowed methods only. */
@ExtendWith(GatewayExtension.class)
class ServicesIT {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aServiceIsReachedWithItsOwnCredentialForItsAllowedMethods(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        HttpResponse<String> registered =
                platform.post("/api/v1/tenants/" + t.tenantId() + "/services", """
                {"name":"crm","baseUrl":"http://127.0.0.1:%d/svc","credential":"crm-secret","authHeader":"X-Crm-Token",
                 "authScheme":"","allowedMethods":["GET","POST"]}""".formatted(gateway.upstream.port()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.body()).doesNotContain("crm-secret");

        HttpResponse<String> get = call(gateway, "GET", "/services/crm/customers/42?fields=name", t.key(), null);
        HttpResponse<String> post = call(gateway, "POST", "/services/crm/notes", t.key(), "{\"text\":\"hello\"}");
        HttpResponse<String> delete = call(gateway, "DELETE", "/services/crm/customers/42", t.key(), null);

        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        JsonObject echoed = Platform.json(get.body());
        assertThat(echoed.getString("path")).isEqualTo("/svc/customers/42");
        assertThat(echoed.getString("query")).isEqualTo("fields=name");
        assertThat(Platform.json(post.body()).getString("body")).isEqualTo("{\"text\":\"hello\"}");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("allow")).hasValue("GET, POST");
        ReceivedRequest seen = gateway.upstream.received().stream()
                .filter(r -> r.path().equals("/svc/customers/42"))
                .findFirst()
                .orElseThrow();
        assertThat(seen.header("x-crm-token")).isEqualTo("crm-secret");
        assertThat(seen.header("authorization")).isNull();

        JsonObject trace = platform.awaitTrace(
                t.tenantId(),
                tr -> tr.getString("route").equals("/services/crm")
                        && tr.getString("method").equals("GET"));
        assertThat(trace.getInt("status")).isEqualTo(200);
    }

    @Test
    void unknownServicesAndEscapingPathsAreRefused(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();

        int before = gateway.upstream.received().size();
        HttpResponse<String> unknown = call(gateway, "GET", "/services/nope/x", t.key(), null);
        HttpResponse<String> dotDot =
                call(gateway, "GET", "/services/crm/x/../../../v1/chat/completions", t.key(), null);
        HttpResponse<String> emptySegment = call(gateway, "GET", "/services/crm//etc", t.key(), null);
        // Encoded dots and slashes are refused by the server itself, before any application sees them.
        HttpResponse<String> encoded =
                call(gateway, "GET", "/services/crm/%2e%2e/%2e%2e/v1/chat/completions", t.key(), null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Platform.json(unknown.body()).getJsonObject("error").getString("code"))
                .isEqualTo("unknown_service");
        for (HttpResponse<String> refused : List.of(dotDot, emptySegment)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(Platform.json(refused.body()).getJsonObject("error").getString("code"))
                    .isEqualTo("invalid_path");
        }
        assertThat(encoded.statusCode()).isEqualTo(400);
        assertThat(gateway.upstream.received()).hasSize(before);
    }

    private HttpResponse<String> call(Gateway gateway, String method, String path, String key, String body)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
