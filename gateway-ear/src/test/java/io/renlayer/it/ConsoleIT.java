package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium: sign in with a one-time code, create an agent and a
 * key, send a call through the proxy with that key, find it in the sessions explorer and open its
 * redacted body, then add a DENY policy and see the next call refused. Screenshots of each page
 * land in target/console-screenshots (copied to docs/console).
 */
@ExtendWith(GatewayExtension.class)
class ConsoleIT {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String EMAIL_IN_PROMPT = "jane.doe@acme-corp.com";

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = ConsoleBrowser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void fromSignInToTheRedactedBodyOfOneRequestAndADenyPolicy(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String tenant = platform.newTenant().tenantId(); // comes with an upstream on the simulator
        String email = SignIn.createUser(platform, tenant, "owner");

        signIn(gateway, email, "01-sign-in-enrolment");

        // An agent and a key; the raw key is shown once.
        click("nav-agents");
        type("agents:newAgentName", "browser-agent");
        click("agents:createAgent");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents:agentTable"), "browser-agent"));
        choose("agents:keyAgent", "browser-agent");
        type("agents:newKeyName", "browser-key");
        click("agents:createKey");
        String key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("raw-key")))
                .getText();
        assertThat(key).startsWith("rk_live_");
        screenshot("02-agents-and-keys");

        // A call through the proxy with that key, in a session, with an e-mail address in the prompt.
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .header("x-session-id", "support-ticket-4711")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        Proxy.userMessage("gpt-4o", "write to " + EMAIL_IN_PROMPT)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);

        // Found in the sessions explorer, opened: the body is redacted.
        click("nav-sessions");
        type("search:findingType", "EMAIL_ADDRESS");
        WebElement open = null;
        for (int i = 0; i < 30 && open == null; i++) {
            click("search:apply");
            Thread.sleep(500);
            open = browser.findElements(By.cssSelector("[id$=':open']")).stream()
                    .findFirst()
                    .orElse(null);
        }
        assertThat(open).as("the request appears in the explorer").isNotNull();
        assertThat(browser.findElement(By.id("search:sessions")).getText()).contains("support-ticket-4711");
        screenshot("03-sessions");
        open.click();
        WebElement request = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("redacted-request")));
        assertThat(request.getText()).contains("[REDACTED:EMAIL_ADDRESS]").doesNotContain(EMAIL_IN_PROMPT);
        assertThat(request.findElement(By.tagName("mark")).getText()).isEqualTo("[REDACTED:EMAIL_ADDRESS]");
        assertThat(browser.findElement(By.id("redacted-response")).getText()).doesNotContain(EMAIL_IN_PROMPT);
        screenshot("04-request-detail");

        // A DENY policy from the editor; the next call is refused.
        browser.get(gateway.controlUrl() + "/console/policies.xhtml");
        type("policies:name", "no-gpt-4o");
        browser.findElement(By.id("policies:conditions")).sendKeys("\b\b{\"models\":[\"gpt-4o\"]}");
        click("policies:preview");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("preview-result"), "would be treated differently"));
        click("policies:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("policies:policyTable"), "no-gpt-4o"));
        screenshot("05-policies");
        HttpResponse<String> refused = new Proxy(gateway).awaitStatus(key, Proxy.userMessage("gpt-4o", "again"), 403);
        assertThat(Platform.json(refused.body()).getJsonObject("error").getString("param"))
                .isEqualTo("no-gpt-4o");

        // The dashboard counts the traffic; a tenant rule is tried on a text; the audit chain verifies.
        click("nav-dashboard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kpi-requests")));
        assertThat(Integer.parseInt(browser.findElement(By.id("kpi-requests")).getText()))
                .isGreaterThanOrEqualTo(2);
        screenshot("06-dashboard");
        // Clicking the hour's bar on the chart opens the explorer on that hour's requests.
        WebElement canvas = browser.findElement(By.cssSelector("[id='dashboard:series'] canvas"));
        @SuppressWarnings("unchecked")
        List<Number> bar = (List<Number>) ((JavascriptExecutor) browser)
                .executeScript("var bar = PF('widget_dashboard_series').chart.getDatasetMeta(0).data[0];"
                        + "return [bar.x, bar.y + (bar.base - bar.y) / 2];");
        new Actions(browser)
                .moveToElement(
                        canvas,
                        bar.get(0).intValue() - canvas.getSize().width / 2,
                        bar.get(1).intValue() - canvas.getSize().height / 2)
                .click()
                .perform();
        wait.until(ExpectedConditions.urlContains("sessions.xhtml?from="));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$=':open']")));
        click("nav-dlp");
        type("dlp:name", "codenames");
        choose("dlp:kind", "keyword list");
        type("dlp:definition", "Project Falcon");
        click("dlp:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dlp:ruleTable"), "codenames"));
        type("dlp:sample", "Status of project falcon for jane.doe@acme-corp.com?");
        click("dlp:test");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dlp:findings"), "rule:codenames"));
        assertThat(browser.findElement(By.id("dlp:findings")).getText())
                .contains("CUSTOM")
                .contains("EMAIL_ADDRESS");
        screenshot("07-dlp-rules");
        // A plugin's settings, on a form drawn from what the plugin declares.
        click("nav-plugins");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-plugin='actions/route']")))
                .click();
        WebElement upstream =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-property='upstream']")));
        assertThat(browser.findElement(By.id("plugins:settings")).getText())
                .contains("Upstream *")
                .contains("Name of the tenant's upstream");
        upstream.sendKeys("self-hosted");
        browser.findElement(By.cssSelector("[data-property='model']")).sendKeys("llama-3");
        click("plugins:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "saved"));
        JsonObject route = Platform.json(platform.get("/api/v1/tenants/" + tenant + "/plugins/actions/route")
                .body());
        assertThat(route.getJsonObject("settings").getString("upstream")).isEqualTo("self-hosted");
        assertThat(route.getJsonObject("settings").getString("model")).isEqualTo("llama-3");
        assertThat(route.getBoolean("runs")).isTrue();
        screenshot("10-plugin-settings");
        // The company's identity provider, and which of its groups give which role.
        click("nav-identity");
        type("identity:name", "acme-sso");
        type("identity:issuer", "https://sso.acme-corp.example/realms/acme");
        type("identity:clientId", "renlayer-console");
        type("identity:clientSecret", "console-secret-never-shown");
        type("identity:roleMappings", "ai-platform-admins = admin\nai-platform-readers = viewer");
        click("identity:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("identity:providerTable"), "acme-sso"));
        assertThat(browser.findElement(By.id("identity:providerTable")).getText())
                .contains("ai-platform-admins = admin")
                .contains("secret set, never shown");
        assertThat(browser.getPageSource()).doesNotContain("console-secret-never-shown");
        JsonObject registered = Platform.json(platform.get("/api/v1/tenants/" + tenant + "/identity-providers")
                        .body())
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(registered.getString("issuer")).isEqualTo("https://sso.acme-corp.example/realms/acme");
        assertThat(registered.getBoolean("clientSecretSet")).isTrue();
        assertThat(registered.getJsonArray("roleMappings").toString()).contains("ai-platform-readers", "viewer");
        screenshot("11-single-sign-on");
        click("nav-upstreams");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upstreams:upstreamTable"), "never shown"));
        assertThat(browser.getPageSource()).doesNotContain(Gateway.UPSTREAM_CREDENTIAL);
        assertThat(browser.findElement(By.id("upstreams:pluginTable")).getText())
                .contains("renlayer-pii");
        screenshot("09-upstreams-and-plugins");
        click("nav-audit");
        click("audit:verify");
        wait.until(ExpectedConditions.textToBe(By.id("chain-status"), "Chain intact"));
        assertThat(browser.findElement(By.id("audit:entries")).getText())
                .contains("policy.create")
                .contains("key.create");
        screenshot("08-audit");

        // Sign-out ends the session: the console asks for sign-in again.
        click("account:signout");
        browser.get(gateway.controlUrl() + "/console/agents.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:email")));
    }

    @Test
    void aViewerSeesEverythingAndCanChangeNothing(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String tenant = platform.newTenant().tenantId();
        String email = SignIn.createUser(platform, tenant, "viewer");

        signIn(gateway, email, null);
        for (String page : new String[] {"agents", "policies", "upstreams", "plugins", "identity", "dlp-rules"}) {
            browser.get(gateway.controlUrl() + "/console/" + page + ".xhtml");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), "viewer"));
            assertThat(browser.findElements(By.cssSelector("[id$=':save'], [id$=':createAgent'], [id$=':createKey']")))
                    .as(page)
                    .isEmpty();
        }
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Test on text"); // reading is fine
    }

    @Test
    void aDemotedUserWritesNoMoreAndADisabledOneIsSignedOutOnTheNextRequest(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String tenant = platform.newTenant().tenantId();
        String email = SignIn.createUser(platform, tenant, "admin");
        String userId = userId(platform, tenant, email);
        signIn(gateway, email, null);
        click("nav-agents");
        type("agents:newAgentName", "while-admin");
        click("agents:createAgent");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents:agentTable"), "while-admin"));

        // Demoted while the page is open: its button is still there; the server acts as a viewer,
        // carries out no write, and the form comes back without the button.
        assertThat(platform.patch("/api/v1/tenants/" + tenant + "/users/" + userId, "{\"role\":\"viewer\"}")
                        .statusCode())
                .isEqualTo(200);
        type("agents:newAgentName", "after-demotion");
        click("agents:createAgent");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("agents:createAgent")));
        browser.get(gateway.controlUrl() + "/console/agents.xhtml");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), "viewer"));
        assertThat(platform.get("/api/v1/tenants/" + tenant + "/agents").body()).doesNotContain("after-demotion");

        // Disabled: the next request is sent to sign-in.
        assertThat(platform.patch("/api/v1/tenants/" + tenant + "/users/" + userId, "{\"disabled\":true}")
                        .statusCode())
                .isEqualTo(200);
        browser.get(gateway.controlUrl() + "/console/agents.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:email")));
    }

    static String userId(Platform platform, String tenant, String email) throws Exception {
        return Platform.json(platform.get("/api/v1/tenants/" + tenant + "/users?limit=100")
                        .body())
                .getJsonArray("items")
                .stream()
                .map(v -> v.asJsonObject())
                .filter(u -> u.getString("email").equals(email))
                .findFirst()
                .orElseThrow()
                .getString("id");
    }

    /** Password, then the authenticator enrolment (QR code and secret), then a code computed from the secret. */
    private void signIn(Gateway gateway, String email, String enrolmentScreenshot) throws Exception {
        browser.get(gateway.controlUrl() + "/console/");
        type("login:email", email);
        type("login:password", SignIn.password(email));
        click("login:submit");
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp-secret")))
                .getText();
        assertThat(browser.findElement(By.cssSelector("svg[aria-label='Authenticator enrolment QR code'] path"))
                        .getAttribute("d"))
                .startsWith("M");
        if (enrolmentScreenshot != null) {
            screenshot(enrolmentScreenshot);
        }
        type("login:code", SignIn.code(new Base32().decode(secret), System.currentTimeMillis() / 30_000));
        click("login:submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), email));
    }

    private void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    /** Picks an option of a PrimeFaces menu as a person would, again if the menu was still opening. */
    private void choose(String menuId, String label) throws InterruptedException {
        By option = By.cssSelector("li[data-label='" + label + "']");
        for (int attempt = 0; attempt < 5; attempt++) {
            click(menuId);
            wait.until(ExpectedConditions.visibilityOfElementLocated(option));
            Thread.sleep(300); // the menu's opening animation
            browser.findElement(option).click();
            if (browser.findElement(By.id(menuId + "_label")).getText().equals(label)) {
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
                return;
            }
        }
        throw new AssertionError("could not choose " + label + " in " + menuId);
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
