package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The company's identity, with a real Keycloak: agents call the proxy with their OAuth client's
 * access token (through the official OpenAI SDK, the token as its API key), people call the
 * Platform API with theirs, and their role follows their groups.
 */
@ExtendWith(GatewayExtension.class)
class IdentityIT {

    private static Keycloak keycloak;

    @BeforeAll
    static void startKeycloak(Gateway gateway) throws Exception {
        keycloak = Keycloak.start(gateway.identityProviderPort); // the gateway names it its operators' provider
    }

    @AfterAll
    static void stopKeycloak() throws Exception {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void anAgentCallsTheProxyWithItsClientCredentialsTokenThroughTheOpenAiSdk(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        String provider = registerProvider(platform, tenant.tenantId());
        JsonObject key = bindKey(platform, tenant, provider, "ci-agent", ",\"allowedModels\":[\"gpt-4o-mini\"]");
        assertThat(key.containsKey("key") && !key.isNull("key"))
                .as("a bound key has no secret to show")
                .isFalse();
        assertThat(key.getJsonObject("oauthClient").getString("clientId")).isEqualTo("ci-agent");

        OpenAIClient client = sdk(gateway, keycloak.clientToken(Keycloak.REALM, "ci-agent"));
        ChatCompletion completion = client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage("hello with the company's token")
                        .build());

        assertThat(completion.choices().get(0).message().content()).hasValue("Echo: hello with the company's token");
        JsonObject trace = platform.awaitTrace(tenant.tenantId(), t -> t.getInt("status") == 200);
        assertThat(trace.getString("keyId")).isEqualTo(key.getString("id"));
        assertThat(trace.getString("agentId")).isEqualTo(tenant.agentId());
        assertThat(trace.getJsonArray("flags").toString()).contains("oauth_client:ci-agent");
        // The key's scopes apply to the token as to a secret: another model is refused.
        PermissionDeniedException refused = catchThrowableOfType(
                PermissionDeniedException.class,
                () -> client.chat()
                        .completions()
                        .create(ChatCompletionCreateParams.builder()
                                .model("gpt-4.1")
                                .addUserMessage("a model the key may not use")
                                .build()));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void theAnthropicSdkPassesTheTokenAsItsApiKeyToo(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        platform.addAnthropicUpstream(tenant.tenantId());
        bindKey(platform, tenant, registerProvider(platform, tenant.tenantId()), "claude-agent", "");
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .apiKey(keycloak.clientToken(Keycloak.REALM, "claude-agent")) // sent as x-api-key
                .baseUrl(gateway.proxyUrl())
                .maxRetries(0)
                .build();

        Message message = client.messages()
                .create(MessageCreateParams.builder()
                        .model("claude-sonnet-4-5")
                        .maxTokens(64)
                        .addUserMessage("hello from claude's sdk")
                        .build());

        assertThat(message.content().get(0).asText().text()).isEqualTo("Echo: hello from claude's sdk");
    }

    @Test
    void theProxyRefusesTokensThatAreNotForIt(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        String provider = registerProvider(platform, tenant.tenantId());
        bindKey(platform, tenant, provider, "wrong-audience-agent", "");
        bindKey(platform, tenant, provider, "short-lived-agent", "");
        JsonObject revocable = bindKey(platform, tenant, provider, "ops-agent", "");

        assertRefused(gateway, keycloak.clientToken(Keycloak.REALM, "wrong-audience-agent"), 401, "audience");
        String shortLived = keycloak.clientToken(Keycloak.REALM, "short-lived-agent");
        Thread.sleep(2_100); // its lifespan is one second; the test gateway allows no clock skew
        assertRefused(gateway, shortLived, 401, "expired");
        assertRefused(gateway, keycloak.clientToken(Keycloak.OTHER_REALM, "ci-agent"), 401, "no agent is bound");
        String good = keycloak.clientToken(Keycloak.REALM, "ops-agent");
        assertRefused(gateway, tamper(good), 401, "signature");
        assertThat(call(gateway, good).statusCode()).isEqualTo(200);
        // A bound key is still a key: revoked, its client's valid token is refused.
        platform.post("/api/v1/tenants/" + tenant.tenantId() + "/keys/" + revocable.getString("id") + "/revoke", "{}");
        awaitRefusal(gateway, good, "revoked");
        // The client can be bound to a new key once the old one is revoked; never to two live keys.
        JsonObject rebound = bindKey(platform, tenant, provider, "ops-agent", "");
        awaitStatus(gateway, good, 200);
        String reboundId = rebound.getString("id");
        assertThat(platform.awaitTrace(tenant.tenantId(), t -> reboundId.equals(t.getString("keyId", null)))
                        .getInt("status"))
                .isEqualTo(200);
        assertThat(platform.post("/api/v1/tenants/" + tenant.tenantId() + "/keys", """
                                {"agentId":"%s","name":"again","oauthClient":{"identityProviderId":"%s","clientId":"ops-agent"}}""".formatted(
                                        tenant.agentId(), provider))
                        .statusCode())
                .isEqualTo(409);
        // And a provider the tenant switches off trusts no one any more.
        assertThat(platform.patch(
                                "/api/v1/tenants/" + tenant.tenantId() + "/identity-providers/" + provider,
                                "{\"enabled\":false}")
                        .statusCode())
                .isEqualTo(200);
        awaitRefusal(gateway, keycloak.clientToken(Keycloak.REALM, "wrong-audience-agent"), "switched");
    }

    @Test
    void peopleCallTheApiWithTheirCompanyTokensAndTheirGroupsGiveTheirRole(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        registerProvider(platform, tenant.tenantId());
        String agents = "/api/v1/tenants/" + tenant.tenantId() + "/agents";

        String alice = keycloak.userToken("alice"); // renlayer-admins
        assertThat(new SignIn(gateway).call("GET", agents, alice, null).statusCode())
                .isEqualTo(200);
        assertThat(new SignIn(gateway)
                        .call("POST", agents, alice, "{\"name\":\"made-by-alice\"}")
                        .statusCode())
                .isEqualTo(201);
        String vera = keycloak.userToken("vera"); // renlayer-viewers
        assertThat(new SignIn(gateway).call("GET", agents, vera, null).statusCode())
                .isEqualTo(200);
        assertThat(new SignIn(gateway)
                        .call("POST", agents, vera, "{\"name\":\"made-by-vera\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new SignIn(gateway)
                        .call("GET", agents, keycloak.userToken("nora"), null)
                        .statusCode())
                .as("no mapped group, no access")
                .isEqualTo(401);
        assertThat(new SignIn(gateway)
                        .call("GET", agents, keycloak.clientToken(Keycloak.REALM, "wrong-audience-agent"), null)
                        .statusCode())
                .isEqualTo(401);

        // The first sign-in created the users, with the role their groups give.
        String users = platform.get("/api/v1/tenants/" + tenant.tenantId() + "/users?limit=100")
                .body();
        assertThat(users).contains("alice@acme.test", "vera@acme.test").doesNotContain("nora@acme.test");

        // Another tenant that trusts no provider: the same valid token gets nothing there.
        Platform.TestTenant other = platform.newTenant();
        assertThat(new SignIn(gateway)
                        .call("GET", "/api/v1/tenants/" + other.tenantId() + "/agents", alice, null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPersonTakenOutOfTheGroupLosesAccessWithTheNextTokenAndAPromotionFollowsToo(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        registerProvider(platform, tenant.tenantId());
        String agents = "/api/v1/tenants/" + tenant.tenantId() + "/agents";
        String user = "gus"; // this test's own person, in no group at first: the others keep theirs
        try {
            keycloak.setMembership(user, "renlayer-viewers", true);
            assertThat(new SignIn(gateway)
                            .call("POST", agents, keycloak.userToken(user), "{\"name\":\"x\"}")
                            .statusCode())
                    .isEqualTo(403);

            keycloak.setMembership(user, "renlayer-admins", true);
            assertThat(new SignIn(gateway)
                            .call("POST", agents, keycloak.userToken(user), "{\"name\":\"promoted\"}")
                            .statusCode())
                    .isEqualTo(201);

            keycloak.setMembership(user, "renlayer-admins", false);
            keycloak.setMembership(user, "renlayer-viewers", false);
            assertThat(new SignIn(gateway)
                            .call("GET", agents, keycloak.userToken(user), null)
                            .statusCode())
                    .isEqualTo(401);
            String audit = platform.get("/api/v1/tenants/" + tenant.tenantId() + "/audit?limit=100")
                    .body();
            assertThat(audit).contains("user.provision", "user.role_from_provider");
        } finally {
            keycloak.setMembership(user, "renlayer-admins", false);
            keycloak.setMembership(user, "renlayer-viewers", false);
        }
    }

    @Test
    void operatorsSignInWithTheProviderWhileInTheOperatorsGroup(Gateway gateway) throws Exception {
        String person = "otto"; // in renlayer-operators
        try {
            String token = keycloak.userToken(person);
            assertThat(new SignIn(gateway)
                            .call("POST", "/api/v1/tenants", token, "{\"name\":\"made-by-an-operator\"}")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(new SignIn(gateway)
                            .call("GET", "/api/v1/operator-tokens", token, null)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(new SignIn(gateway)
                            .call("GET", "/api/v1/tenants", keycloak.userToken("alice"), null)
                            .statusCode())
                    .as("a tenant admin of the same provider is no operator")
                    .isEqualTo(401);

            keycloak.setMembership(person, "renlayer-operators", false);
            assertThat(new SignIn(gateway)
                            .call("GET", "/api/v1/tenants", keycloak.userToken(person), null)
                            .statusCode())
                    .isEqualTo(401);
        } finally {
            keycloak.setMembership(person, "renlayer-operators", true);
        }
    }

    @Test
    void theClientSecretIsWriteOnlyAndBadRegistrationsAreRefusedByField(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        String base = "/api/v1/tenants/" + tenant.tenantId() + "/identity-providers";
        HttpResponse<String> created = platform.post(base, """
                {"name":"corp","issuer":"%s","clientId":"renlayer-console","clientSecret":"s3cr3t-console-value",
                 "roleMappings":[{"group":"renlayer-admins","role":"admin"}]}""".formatted(keycloak.issuer()));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"clientSecretSet\":true").doesNotContain("s3cr3t-console-value");
        assertThat(platform.get(base).body()).doesNotContain("s3cr3t-console-value");

        assertThat(platform.post(base, "{\"name\":\"x\",\"issuer\":\"ftp://idp.example\"}")
                        .body())
                .contains("issuer");
        assertThat(platform.post(base, "{\"name\":\"x\",\"issuer\":\"https://idp.example/\\u0000\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(platform.post(base, "{\"name\":\"x\",\"issuer\":\"https://user:pw@idp.example\"}")
                        .body())
                .contains("issuer");
        assertThat(platform.post(
                                base,
                                "{\"name\":\"x\",\"issuer\":\"https://idp.example\","
                                        + "\"roleMappings\":[{\"group\":\"g\",\"role\":\"emperor\"}]}")
                        .body())
                .contains("roleMappings[0].role");
        assertThat(platform.post(base, "{\"name\":\"x\",\"issuer\":\"https://idp.example\",\"groupsClaim\":\"a b\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(platform.post(base, "{\"name\":\"dup\",\"issuer\":\"%s\"}".formatted(keycloak.issuer()))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void aPersonSignsInToTheConsoleThroughTheProviderAndIsSignedOutWhenTheirGroupGoes(Gateway gateway)
            throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        registerProvider(platform, tenant.tenantId());
        WebDriver browser = ConsoleBrowser.open();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.withMessage(() -> "at " + browser.getCurrentUrl());
        String person = "carl"; // renlayer-viewers; this test's own person
        try {
            browser.get(gateway.controlUrl() + "/console/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tenant")))
                    .sendKeys(tenant.tenantId());
            browser.findElement(By.id("sso-submit")).click();
            // Keycloak's own sign-in page
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys(person);
            browser.findElement(By.id("password")).sendKeys(person + "-password");
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), person + "@acme.test"));
            assertThat(browser.getCurrentUrl()).startsWith(gateway.controlUrl() + "/console/dashboard.xhtml");
            assertThat(platform.get("/api/v1/tenants/" + tenant.tenantId() + "/users?limit=100")
                            .body())
                    .contains(person + "@acme.test", "\"role\":\"viewer\"");

            // The company's directory takes them out of the group: the next page is the sign-in page.
            keycloak.setMembership(person, "renlayer-viewers", false);
            browser.get(gateway.controlUrl() + "/console/agents.xhtml");
            wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));
            assertThat(browser.findElements(By.id("whoami"))).isEmpty();

            // Back in the group, a sign-in works again; a tenant without a provider says so.
            keycloak.setMembership(person, "renlayer-viewers", true);
            browser.get(gateway.controlUrl() + "/console/sso/start?tenant="
                    + platform.newTenant().tenantId());
            wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("sso-message"), "no identity provider"));
            // A forged return from the provider (no sign-in started, or another state) signs no one in.
            browser.get(gateway.controlUrl() + "/console/sso/callback?code=forged&state=forged");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sso-message"), "did not complete"));
        } finally {
            browser.quit();
            keycloak.setMembership(person, "renlayer-viewers", true);
        }
    }

    private static String registerProvider(Platform platform, String tenantId) throws Exception {
        HttpResponse<String> response =
                platform.post("/api/v1/tenants/" + tenantId + "/identity-providers", """
                {"name":"acme-keycloak","issuer":"%s","audience":"renlayer",
                 "clientId":"renlayer-console","clientSecret":"renlayer-console-secret",
                 "roleMappings":[{"group":"renlayer-admins","role":"admin"},{"group":"renlayer-viewers","role":"viewer"}]}""".formatted(keycloak.issuer()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Platform.json(response.body()).getString("id");
    }

    private static JsonObject bindKey(
            Platform platform, Platform.TestTenant tenant, String provider, String clientId, String more)
            throws Exception {
        HttpResponse<String> response = platform.post("/api/v1/tenants/" + tenant.tenantId() + "/keys", """
                {"agentId":"%s","name":"%s","oauthClient":{"identityProviderId":"%s","clientId":"%s"}%s}""".formatted(
                        tenant.agentId(), clientId + "-" + UUID.randomUUID(), provider, clientId, more));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Platform.json(response.body());
    }

    private static OpenAIClient sdk(Gateway gateway, String token) {
        return OpenAIOkHttpClient.builder()
                .apiKey(token)
                .baseUrl(gateway.proxyUrl() + "/v1")
                .maxRetries(0)
                .build();
    }

    private static HttpResponse<String> call(Gateway gateway, String token) throws Exception {
        return new Platform(gateway)
                .send(HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
    }

    private static void assertRefused(Gateway gateway, String token, int status, String because) throws Exception {
        HttpResponse<String> response = call(gateway, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject error = Platform.json(response.body()).getJsonObject("error");
        assertThat(error.getString("message")).contains(because);
        assertThat(response.body()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    /** Waits for a change to reach the proxy's caches (the change feed, within a second or so). */
    private static void awaitRefusal(Gateway gateway, String token, String because) throws Exception {
        awaitAnswer(gateway, token, r -> r.statusCode() == 401 && r.body().contains(because), "401 for " + because);
    }

    private static void awaitStatus(Gateway gateway, String token, int status) throws Exception {
        awaitAnswer(gateway, token, r -> r.statusCode() == status, Integer.toString(status));
    }

    private static void awaitAnswer(
            Gateway gateway, String token, Predicate<HttpResponse<String>> expected, String what) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = call(gateway, token);
            if (expected.test(response)) {
                return;
            }
            last = response.statusCode() + " " + response.body();
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + what + " within 10 s; last was " + last);
    }

    /** The same token with one claim changed: the signature no longer matches. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = claims.replace("\"azp\":", "\"x\":1,\"azp\":");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "."
                + parts[2];
    }
}
