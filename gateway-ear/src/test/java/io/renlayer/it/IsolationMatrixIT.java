package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation over every tenant-scoped endpoint, taken from the OpenAPI document so that a new
 * endpoint is in the matrix the day it is added: a user of tenant A asking for tenant B's resources
 * gets 404 and no data; B's resource ids under A's tenant are not found either; viewers cannot
 * write; tampered or expired tokens are refused.
 */
@ExtendWith(GatewayExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixIT {

    private static final Pattern PARAM = Pattern.compile("/([a-z-]+)/\\{([A-Za-z]+)\\}");
    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");

    private Gateway gateway;
    private Platform platform;
    private SignIn signIn;
    private String tenantA;
    private String ownerA;
    private String viewerA;
    private String tenantB;
    private final Map<String, String> idsOfB = new HashMap<>();
    private List<Operation> operations;

    record Operation(String method, String path, boolean readOnly) {}

    @BeforeAll
    void tenantsAndTheirResources(Gateway gateway) throws Exception {
        this.gateway = gateway;
        platform = new Platform(gateway);
        signIn = new SignIn(gateway);
        tenantA = platform.newTenant().tenantId();
        ownerA = signIn.newUser(platform, tenantA, "owner");
        viewerA = signIn.newUser(platform, tenantA, "viewer");

        Platform.TestTenant b = platform.newTenant();
        tenantB = b.tenantId();
        String base = "/api/v1/tenants/" + tenantB;
        idsOfB.put("agents", b.agentId());
        idsOfB.put("keys", b.keyId());
        idsOfB.put("upstreams", firstId(base + "/upstreams"));
        idsOfB.put("projects", id(platform.post(base + "/projects", "{\"name\":\"b-project\"}")));
        idsOfB.put(
                "policies",
                id(platform.post(
                        base + "/policies",
                        "{\"name\":\"b-policy\",\"priority\":10,\"action\":\"FLAG\",\"conditions\":{}}")));
        idsOfB.put(
                "users",
                id(platform.post(
                        base + "/users",
                        "{\"email\":\"b-user-%s@example.com\",\"password\":\"b-password-long\",\"role\":\"viewer\"}"
                                .formatted(UUID.randomUUID().toString().substring(0, 8)))));
        idsOfB.put(
                "services",
                id(platform.post(
                        base + "/services",
                        "{\"name\":\"b-svc\",\"baseUrl\":\"" + platform.upstreamBaseUrl() + "\"}")));
        idsOfB.put(
                "dlp-rules",
                id(platform.post(
                        base + "/dlp-rules",
                        "{\"name\":\"b-rule\",\"kind\":\"keywords\",\"keywords\":[\"project-b-secret\"]}")));
        idsOfB.put(
                "identity-providers",
                id(platform.post(
                        base + "/identity-providers",
                        "{\"name\":\"b-idp\",\"issuer\":\"https://idp.b.example/realms/b\"}")));
        new Proxy(gateway).chat(b.key(), Proxy.userMessage("gpt-4o", "hello from b"));
        idsOfB.put("traces", platform.awaitTrace(tenantB, t -> true).getString("id"));

        operations = tenantOperations(
                Platform.json(platform.get("/openapi?format=JSON").body()));
    }

    @Test
    void theOpenApiDocumentListsEveryResourceFamily() {
        Set<String> families = new TreeSet<>();
        operations.forEach(o -> {
            String rest = o.path().substring("/api/v1/tenants/{tenantId}".length());
            families.add(rest.isEmpty() ? "tenant" : rest.split("/")[1]);
        });
        assertThat(families)
                .contains(
                        "tenant",
                        "agents",
                        "projects",
                        "keys",
                        "upstreams",
                        "policies",
                        "dlp-rules",
                        "traces",
                        "audit",
                        "users",
                        "services",
                        "plugins",
                        "identity-providers");
        assertThat(operations).hasSizeGreaterThan(45);
    }

    @Test
    void anotherTenantsResourcesAreNotFound() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : operations) {
            HttpResponse<String> response =
                    signIn.call(op.method().toUpperCase(), concrete(op.path(), tenantB), ownerA, body(op));
            soft.assertThat(response.statusCode()).as(op + " on tenant B").isEqualTo(404);
            for (String id : idsOfB.values()) {
                soft.assertThat(response.body()).as(op + " leaks B's data").doesNotContain(id);
            }
        }
        soft.assertAll();
    }

    @Test
    void anotherTenantsIdsUnderOnesOwnTenantAreNotFound() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : operations) {
            boolean lookupFirst = op.method().equals("get") || op.method().equals("delete");
            if (!lookupFirst
                    || !PARAM.matcher(op.path().substring("/api/v1/tenants/{tenantId}".length()))
                            .find()) {
                continue;
            }
            HttpResponse<String> response =
                    signIn.call(op.method().toUpperCase(), concrete(op.path(), tenantA), ownerA, body(op));
            soft.assertThat(response.statusCode())
                    .as(op + " with B's ids under A")
                    .isEqualTo(404);
        }
        soft.assertAll();
        // Nothing of B's was deleted by those attempts.
        assertThat(platform.get("/api/v1/tenants/" + tenantB + "/agents/" + idsOfB.get("agents"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(platform.get("/api/v1/tenants/" + tenantB + "/policies/" + idsOfB.get("policies"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void viewersCannotWrite() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : operations) {
            HttpResponse<String> response =
                    signIn.call(op.method().toUpperCase(), concrete(op.path(), tenantA), viewerA, body(op));
            if (WRITE_METHODS.contains(op.method()) && !op.readOnly()) {
                soft.assertThat(response.statusCode()).as(op + " by a viewer").isEqualTo(403);
            } else {
                soft.assertThat(response.statusCode()).as(op + " by a viewer").isNotIn(401, 403);
            }
        }
        soft.assertAll();
    }

    @Test
    void tamperedAndMissingTokensAreRefusedEverywhere() throws Exception {
        String[] parts = ownerA.split("\\.");
        String otherTenantClaim = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]))
                                .replace(tenantA, tenantB)
                                .getBytes())
                + "." + parts[2];
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : operations) {
            for (String token : new String[] {otherTenantClaim, null}) {
                HttpResponse<String> response =
                        signIn.call(op.method().toUpperCase(), concrete(op.path(), tenantB), token, body(op));
                soft.assertThat(response.statusCode())
                        .as(op + (token == null ? " without a token" : " with a tampered token"))
                        .isEqualTo(401);
            }
        }
        soft.assertAll();
    }

    @Test
    void theOperatorPlaneIsClosedToTenantUsers() throws Exception {
        assertThat(signIn.call("GET", "/api/v1/tenants", ownerA, null).statusCode())
                .isEqualTo(403);
        assertThat(signIn.call("POST", "/api/v1/tenants", ownerA, "{\"name\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(signIn.call("PUT", "/api/v1/routes", ownerA, "{}").statusCode())
                .isEqualTo(403);
        assertThat(signIn.call("GET", "/api/v1/audit", ownerA, null).statusCode())
                .isEqualTo(403);
        assertThat(signIn.call("PATCH", "/api/v1/tenants/" + tenantA, ownerA, "{}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(signIn.call("GET", "/api/v1/tenants/" + tenantA, viewerA, null)
                        .statusCode())
                .isEqualTo(200);
    }

    private String concrete(String template, String tenant) {
        // A plugin is the gateway's, not the tenant's: its kind is a word, its id a made-up one.
        String path = template.replace("{tenantId}", tenant).replace("/plugins/{kind}/", "/plugins/actions/");
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = idsOfB.getOrDefault(m.group(1), UUID.randomUUID().toString());
            m.appendReplacement(out, "/" + m.group(1) + "/" + id);
        }
        return m.appendTail(out).toString();
    }

    private static String body(Operation op) {
        return WRITE_METHODS.contains(op.method()) && !op.method().equals("delete") ? "{}" : null;
    }

    private static List<Operation> tenantOperations(JsonObject openApi) {
        List<Operation> ops = new ArrayList<>();
        openApi.getJsonObject("paths").forEach((path, item) -> {
            if (!path.startsWith("/api/v1/tenants/{tenantId}")) {
                return;
            }
            item.asJsonObject().forEach((method, operation) -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    JsonValue access = operation.asJsonObject().get("x-renlayer-access");
                    ops.add(new Operation(
                            method, path, access != null && access.toString().contains("read")));
                }
            });
        });
        return ops;
    }

    private String firstId(String path) throws Exception {
        return Platform.json(platform.get(path).body())
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("id");
    }

    private static String id(HttpResponse<String> created) {
        if (created.statusCode() != 201) {
            throw new AssertionError("setup: " + created.statusCode() + " " + created.body());
        }
        return Platform.json(created.body()).getString("id");
    }
}
