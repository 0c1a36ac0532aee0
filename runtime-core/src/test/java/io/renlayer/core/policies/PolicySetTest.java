package io.renlayer.core.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.plugins.PluginSet;
import io.renlayer.core.plugins.TenantPlugins;
import io.renlayer.plugins.policy.BuiltinPolicyPlugin;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PolicySetTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void lowerPriorityNumbersGoFirstAndTheFirstTerminalOutcomeEndsEvaluation() {
        PolicySet set = set(
                policy("flag-all", 30, "{}", "FLAG"),
                policy("deny-gpt4", 20, "{\"models\":[\"gpt-4*\"]}", "DENY"),
                policy("redact-keys", 10, "{\"findingTypes\":[\"AWS_ACCESS_KEY_ID\"]}", "REDACT"),
                policy("allow-ops", 5, "{\"headers\":{\"x-team\":\"ops\"}}", "ALLOW"));

        PolicyDecision denied =
                set.evaluate(Phase.REQUEST, subject("gpt-4o", Map.of("AWS_ACCESS_KEY_ID", 1), Map.of()));
        assertThat(denied.applied()).extracting(AppliedPolicy::name).containsExactly("redact-keys", "deny-gpt4");
        assertThat(denied.denied()).isTrue();

        PolicyDecision allowed = set.evaluate(Phase.REQUEST, subject("gpt-4o", Map.of(), Map.of("x-team", "ops")));
        assertThat(allowed.applied()).extracting(AppliedPolicy::name).containsExactly("allow-ops");

        PolicyDecision flagged = set.evaluate(Phase.REQUEST, subject("o3", Map.of(), Map.of()));
        assertThat(flagged.applied()).extracting(AppliedPolicy::name).containsExactly("flag-all");
        assertThat(flagged.flagged()).isTrue();
        assertThat(flagged.applied().getFirst().reason()).isEqualTo("no conditions");
    }

    @Test
    void redactCoversOnlyTheNamedTypesAndResponsePoliciesWaitForTheAnswer() {
        PolicySet set = set(policy("mask", 1, "{\"findingTypes\":[\"EMAIL_ADDRESS\"]}", "REDACT"));
        PolicyDecision decision = set.evaluate(Phase.REQUEST, subject("m", Map.of("EMAIL_ADDRESS", 2), Map.of()));
        assertThat(decision.redactsType("EMAIL_ADDRESS")).isTrue();
        assertThat(decision.redactsType("US_SSN")).isFalse();

        PolicySet outbound = set(new PolicyDefinition(
                UUID.randomUUID(),
                TENANT,
                "out",
                1,
                true,
                Phase.RESPONSE,
                Json.createObjectBuilder().build(),
                "DENY",
                1,
                Instant.now()));
        assertThat(outbound.evaluate(Phase.REQUEST, subject("m", Map.of(), Map.of()))
                        .applied())
                .isEmpty();
        assertThat(outbound.evaluate(Phase.RESPONSE, subject("m", Map.of(), Map.of()))
                        .denied())
                .isTrue();
        assertThat(outbound.hasResponsePolicies()).isTrue();
    }

    @Test
    void aTimeWindowMayCrossMidnight() {
        PolicySet night = set(
                policy("night", 1, "{\"timeOfDay\":{\"from\":\"22:00\",\"to\":\"06:00\",\"zone\":\"UTC\"}}", "DENY"));
        assertThat(night.evaluate(Phase.REQUEST, at("2026-11-22T23:30:00Z")).denied())
                .isTrue();
        assertThat(night.evaluate(Phase.REQUEST, at("2026-11-22T05:59:00Z")).denied())
                .isTrue();
        assertThat(night.evaluate(Phase.REQUEST, at("2026-11-22T12:00:00Z")).denied())
                .isFalse();
    }

    @Test
    void malformedConditionsNameTheirField() {
        assertThatThrownBy(() -> set(policy("x", 1, "{\"models\":\"gpt-4o\"}", "DENY")))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("conditions.models");
        assertThatThrownBy(() -> set(policy("x", 1, "{\"models\":[\"g*pt\"]}", "DENY")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> set(policy("x", 1, "{\"agents\":[\"not-a-uuid\"]}", "DENY")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> set(policy("x", 1, "{}", "vendor-thing")))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("action");
    }

    private static PolicySubject at(String instant) {
        return new PolicySubject(
                TENANT,
                null,
                null,
                null,
                "/v1/chat/completions",
                "openai",
                "m",
                Map.of(),
                10,
                Instant.parse(instant),
                Map.of());
    }

    private static PolicySubject subject(String model, Map<String, Integer> findings, Map<String, String> headers) {
        return new PolicySubject(
                TENANT,
                UUID.randomUUID(),
                null,
                UUID.randomUUID(),
                "/v1/chat/completions",
                "openai",
                model,
                findings,
                10,
                Instant.now(),
                headers);
    }

    private static PolicyDefinition policy(String name, int priority, String conditions, String action) {
        return new PolicyDefinition(
                UUID.randomUUID(),
                TENANT,
                name,
                priority,
                true,
                Phase.REQUEST,
                Json.createReader(new StringReader(conditions)).readObject(),
                action,
                1,
                Instant.now());
    }

    private static PolicySet set(PolicyDefinition... policies) {
        PolicyActions actions = new PolicyActions(
                PluginSet.ofClassPath(List.of(new BuiltinPolicyPlugin())), TenantPlugins.NONE, Duration.ofMillis(100));
        return new PolicySet(List.of(policies).stream()
                .map(p -> PolicyCompiler.compile(p, actions))
                .toList());
    }
}
