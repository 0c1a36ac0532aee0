package io.renlayer.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to the proxy listener, as an agent without an SDK makes them. */
final class Proxy {

    private final String baseUrl;
    /** HTTP/1.1 like the agents' SDKs over cleartext: one connection per concurrent call. */
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Proxy(Gateway gateway) {
        this(gateway.proxyUrl());
    }

    /** A proxy listener by URL, e.g. a second gateway node. */
    Proxy(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> chat(String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Calls until the answer has the expected status: configuration changes reach the proxy's
     * caches asynchronously (LISTEN/NOTIFY), normally within a second. Gives up after 5 s.
     */
    HttpResponse<String> awaitStatus(String key, int status) throws Exception {
        return awaitStatus(key, userMessage("gpt-4o", "hi"), status);
    }

    /** As {@link #awaitStatus(String, int)}, sending the given chat body. */
    HttpResponse<String> awaitStatus(String key, String body, int status) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 50; i++) {
            last = chat(key, body);
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "expected " + status + " within 5 s, last was " + last.statusCode() + " " + last.body());
    }

    static String userMessage(String model, String content) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
    }
}
