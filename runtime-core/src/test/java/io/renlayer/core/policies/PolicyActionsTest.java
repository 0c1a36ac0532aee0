package io.renlayer.core.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.plugins.PluginKind;
import io.renlayer.core.plugins.PluginSet;
import io.renlayer.core.plugins.TenantPluginConfig;
import io.renlayer.core.plugins.TenantPlugins;
import io.renlayer.plugins.policy.BuiltinPolicyPlugin;
import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PolicyActionsTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Duration BUDGET = Duration.ofMillis(100);
    private static final AtomicReference<ActionContext> SEEN = new AtomicReference<>();

    private final PluginSet plugins = PluginSet.ofClassPath(List.of(new BuiltinPolicyPlugin(), new VendorActions()));

    @Test
    void aPolicyNamesAnActionCaseInsensitivelyAndTheBuiltInsDecideWhatTheyAreNamedAfter() {
        PolicyActions actions = new PolicyActions(plugins, TenantPlugins.NONE, BUDGET);
        assertThat(actions.bind("DENY").apply(subject()).outcome()).isEqualTo(PolicyOutcome.DENY);
        assertThat(actions.bind("redact").apply(subject()).outcome()).isEqualTo(PolicyOutcome.REDACT);
    }

    @Test
    void routeNeedsTheTenantsUpstreamAndCarriesItIntoTheVerdict() {
        assertThatThrownBy(() -> new PolicyActions(plugins, TenantPlugins.NONE, BUDGET).bind("route"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("needs settings first: [upstream]");

        PolicyActions configured = new PolicyActions(
                plugins,
                tenant(PluginKind.POLICY_ACTION, "route", true, Map.of("upstream", "self-hosted", "model", "llama-3")),
                BUDGET);
        PolicyVerdict verdict = configured.bind("ROUTE").apply(subject());

        assertThat(verdict.outcome()).isEqualTo(PolicyOutcome.ROUTE);
        assertThat(verdict.routeUpstream()).isEqualTo("self-hosted");
        assertThat(verdict.routeModel()).isEqualTo("llama-3");
    }

    @Test
    void aVendorActionSeesTheCallAndItsSettingsWithDefaultsFilledIn() {
        PolicyActions actions = new PolicyActions(
                plugins, tenant(PluginKind.POLICY_ACTION, "it-echo", true, Map.of("verdict", "deny")), BUDGET);

        assertThat(actions.bind("it-echo").apply(subject()).outcome()).isEqualTo(PolicyOutcome.DENY);
        ActionContext seen = SEEN.get();
        assertThat(seen.tenantId()).isEqualTo(TENANT.toString());
        assertThat(seen.model()).isEqualTo("gpt-4o");
        assertThat(seen.route()).isEqualTo("/v1/chat/completions");
        assertThat(seen.findingCounts()).isEqualTo(Map.of("EMAIL_ADDRESS", 2));
        assertThat(seen.at()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
        assertThat(seen.settings().get("verdict")).isEqualTo("deny");
        assertThat(seen.settings().get("note")).isEqualTo("default note");
    }

    @Test
    void anActionTheTenantSwitchedOffOrNoPluginHasIsRefusedAtCompileTime() {
        PolicyActions off =
                new PolicyActions(plugins, tenant(PluginKind.POLICY_ACTION, "deny", false, Map.of()), BUDGET);
        assertThatThrownBy(() -> off.bind("deny"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("the action 'deny' is switched off for this tenant");
        assertThatThrownBy(() -> off.bind("no-such-action"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("allow, deny, flag, it-echo, it-hangs, it-null, it-throws, redact, route");
    }

    @Test
    void aVendorActionThatThrowsHangsOrAnswersNothingFailsWithinTheBudgetAndShowsInItsHealth() {
        PolicyActions actions = new PolicyActions(plugins, TenantPlugins.NONE, BUDGET);
        for (String id : List.of("it-throws", "it-hangs", "it-null")) {
            long started = System.nanoTime();
            PolicyVerdict verdict = actions.bind(id).apply(subject());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(verdict.failed()).as(id).isTrue();
            assertThat(verdict.outcome()).as(id).isEqualTo(PolicyOutcome.FLAG);
            assertThat(took).as(id).isLessThan(Duration.ofMillis(1_000));
            assertThat(plugins.health(PluginKind.POLICY_ACTION, id).snapshot().status())
                    .as(id)
                    .isEqualTo("degraded");
        }
        assertThat(plugins.health(PluginKind.POLICY_ACTION, "it-hangs")
                        .snapshot()
                        .timeouts())
                .isEqualTo(1);
    }

    @Test
    void theFailureOfAnActionIsInTheDecision() {
        PolicyDefinition policy = new PolicyDefinition(
                UUID.randomUUID(),
                TENANT,
                "p",
                1,
                true,
                Phase.REQUEST,
                Json.createObjectBuilder().build(),
                "it-throws",
                1,
                Instant.now());
        PolicySet set =
                PolicyCompiler.compileAll(List.of(policy), new PolicyActions(plugins, TenantPlugins.NONE, BUDGET));

        PolicyDecision decision = set.evaluate(Phase.REQUEST, subject());

        assertThat(decision.actionFailed()).isTrue();
        assertThat(decision.applied().getFirst().verdict().failed()).isTrue();
    }

    private static TenantPlugins tenant(PluginKind kind, String id, boolean enabled, Map<String, String> settings) {
        return new TenantPlugins(List.of(new TenantPluginConfig(kind, id, enabled, settings, Map.of())));
    }

    private static PolicySubject subject() {
        return new PolicySubject(
                TENANT,
                UUID.randomUUID(),
                null,
                UUID.randomUUID(),
                "/v1/chat/completions",
                "openai",
                "gpt-4o",
                Map.of("EMAIL_ADDRESS", 2),
                10,
                Instant.parse("2026-12-07T12:00:00Z"),
                Map.of());
    }

    /** A vendor's actions (not the gateway's own: they run on threads of their own, under the budget). */
    static final class VendorActions implements RenLayerPlugin {
        @Override
        public String vendor() {
            return "Example Corp";
        }

        @Override
        public List<PolicyAction> policyActions() {
            return List.of(
                    action("it-echo", c -> {
                        SEEN.set(c);
                        return c.settings().get("verdict").equals("deny") ? ActionResult.deny() : ActionResult.allow();
                    }),
                    action("it-throws", c -> {
                        throw new IllegalStateException("bug");
                    }),
                    action("it-hangs", c -> {
                        try {
                            Thread.sleep(5_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return ActionResult.allow();
                    }),
                    action("it-null", c -> null));
        }

        private static PolicyAction action(String id, Function<ActionContext, ActionResult> decide) {
            return new PolicyAction() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public String version() {
                    return "1";
                }

                @Override
                public List<ConfigProperty> configProperties() {
                    return List.of(
                            ConfigProperty.of("verdict", ConfigProperty.Type.CHOICE)
                                    .withOptions(List.of("allow", "deny"))
                                    .withDefault("allow"),
                            ConfigProperty.of("note", ConfigProperty.Type.STRING)
                                    .withDefault("default note"));
                }

                @Override
                public ActionResult decide(ActionContext context) {
                    return decide.apply(context);
                }
            };
        }
    }
}
