package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The front door is a stage of every route: a call refused before anyone is known (no such path,
 * a method the route does not take, a body too large or not JSON) ends where every call ends, so
 * it is counted in /metrics under its route, as is the model list the gateway answers itself.
 */
@ExtendWith(GatewayExtension.class)
class FrontDoorIT {

    private static final Pattern REQUESTS =
            Pattern.compile("(?m)^renlayer_proxy_requests_total\\{([^}]*)\\} ([-0-9.eE+]+)$");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void everyRefusalAtTheFrontDoorIsCountedUnderItsRoute(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        Map<String, Double> before = requestCounts(gateway);

        HttpResponse<String> unknown = send(gateway, "GET", "/v1/no-such-route", t.key(), null, null);
        HttpResponse<String> wrongMethod = send(gateway, "GET", "/v1/chat/completions", t.key(), null, null);
        HttpResponse<String> notJson =
                send(gateway, "POST", "/v1/chat/completions", t.key(), "text/plain", Proxy.userMessage("gpt-4o", "hi"));
        // Declared too large: refused before a byte of the body is read.
        RawHttp.Reply tooLarge = RawHttp.exchange(
                gateway.proxyPort, """
                POST /v1/chat/completions HTTP/1.1
                Host: 127.0.0.1:%d
                Connection: close
                Authorization: Bearer %s
                Content-Type: application/json
                Content-Length: %d
                """.formatted(gateway.proxyPort, t.key(), Gateway.MAX_REQUEST_BYTES + 1));
        HttpResponse<String> models = send(gateway, "GET", "/v1/models", t.key(), null, null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"unknown_route\"");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(models.statusCode()).isEqualTo(200);
        Map<String, Double> after = requestCounts(gateway);
        for (String series : new String[] {
            "unmatched 404",
            "/v1/chat/completions 405",
            "/v1/chat/completions 415",
            "/v1/chat/completions 413",
            "/v1/models 200"
        }) {
            assertThat(after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0))
                    .as(series)
                    .isEqualTo(1.0);
        }
        // The label set stays fixed: a path a caller made up never becomes a series of its own.
        assertThat(after.keySet()).noneMatch(series -> series.contains("no-such-route"));
    }

    private HttpResponse<String> send(
            Gateway gateway, String method, String path, String key, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + path))
                .header("Authorization", "Bearer " + key)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code "<route> <status>"} to the count of that series. */
    private Map<String, Double> requestCounts(Gateway gateway) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, Double> counts = new LinkedHashMap<>();
        Matcher m = REQUESTS.matcher(body);
        while (m.find()) {
            String labels = m.group(1);
            counts.merge(
                    label(labels, "route") + " " + label(labels, "status"),
                    Double.parseDouble(m.group(2)),
                    Double::sum);
        }
        return counts;
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "";
    }
}
