package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secrets and prompts never reach a log file: calls that succeed and calls that fail (bad key, bad
 * JSON, refused by policy, upstream error) carry planted values, and no file under the server's
 * logs directory (messages, console, FFDC incidents) may contain any of them.
 */
@ExtendWith(GatewayExtension.class)
class LogHygieneIT {

    private static final String PROMPT = "planted-prompt-7d1f the quarterly numbers are confidential";
    private static final String AWS_KEY = "AKIAPLANTEDKEY7D1F2QZ";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noPlantedSecretOrPromptAppearsInAnyLogFile(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String forgedKey = t.key().substring(0, t.key().length() - 6) + "XXXXXX";
        String password = "planted-password-7d1f-long";
        platform.post(
                "/api/v1/tenants/" + t.tenantId() + "/users",
                "{\"email\":\"hygiene-" + System.nanoTime() + "@example.com\",\"password\":\"" + password
                        + "\",\"role\":\"viewer\"}");
        platform.post(
                "/api/v1/tenants/" + t.tenantId() + "/policies",
                "{\"name\":\"no-keys\",\"priority\":1,\"conditions\":{\"findingTypes\":[\"AWS_ACCESS_KEY_ID\"]},\"action\":\"DENY\"}");

        Proxy proxy = new Proxy(gateway);
        proxy.chat(t.key(), Proxy.userMessage("gpt-4o", PROMPT));
        proxy.chat(t.key(), Proxy.userMessage("gpt-4o", PROMPT + " " + AWS_KEY));
        proxy.chat(forgedKey, Proxy.userMessage("gpt-4o", PROMPT));
        proxy.chat(t.key(), "{\"model\":\"gpt-4o\",\"messages\":[{\"content\":\"" + PROMPT + "\"");
        proxy.chat(t.key(), Proxy.userMessage("sim-error-500", PROMPT));
        http.send(
                HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/auth/sign-in"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"nobody@example.com\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        platform.awaitTrace(t.tenantId(), tr -> tr.getString("model", "").equals("sim-error-500"));

        List<String> planted = List.of(
                PROMPT,
                "planted-prompt-7d1f",
                AWS_KEY,
                t.key(),
                forgedKey,
                Gateway.UPSTREAM_CREDENTIAL,
                gateway.operatorToken,
                password);
        assertThat(gateway.logs().resolve("messages.log")).isNotEmptyFile(); // the files scanned are the real ones
        try (Stream<Path> files = Files.walk(gateway.logs())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (String secret : planted) {
                    assertThat(content).as(file + " leaks a planted value").doesNotContain(secret);
                }
            }
        }
    }
}
