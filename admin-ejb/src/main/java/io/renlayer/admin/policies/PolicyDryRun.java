package io.renlayer.admin.policies;

import io.renlayer.admin.plugins.TenantPluginService;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.Storage;
import io.renlayer.core.json.Jsonp;
import io.renlayer.core.plugins.PluginRegistry;
import io.renlayer.core.policies.Phase;
import io.renlayer.core.policies.PolicyActions;
import io.renlayer.core.policies.PolicyCompiler;
import io.renlayer.core.policies.PolicyDecision;
import io.renlayer.core.policies.PolicyDefinition;
import io.renlayer.core.policies.PolicyOutcome;
import io.renlayer.core.policies.PolicyRows;
import io.renlayer.core.policies.PolicySet;
import io.renlayer.core.policies.PolicySubject;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Replays stored traces through the tenant's policies as they are and as they would be with a
 * draft added (or replacing the policy of the same name), and counts what each set would have
 * done. Traces keep request findings and token counts but not headers, so header conditions never
 * match here, and the request phase is what is replayed.
 */
@Stateless
public class PolicyDryRun {

    static final int MAX_TRACES = 50_000;
    private static final int SAMPLES = 20;

    @Resource(lookup = "jdbc/renlayer")
    private DataSource dataSource;

    @EJB
    private TenantService tenants;

    @Inject
    private PluginRegistry plugins;

    @EJB
    private TenantPluginService tenantPlugins;

    private PolicyActions actionsOf(UUID tenantId) {
        return new PolicyActions(plugins.current(), tenantPlugins.configs(tenantId), plugins.budget());
    }

    /** {@code {"policy":{draft},"from":"…","to":"…"}}; from and to default to the last 24 hours. */
    public JsonObject run(UUID tenantId, JsonObject request) {
        return Storage.call(() -> {
            tenants.require(tenantId);
            if (request == null || !(request.get("policy") instanceof JsonObject draftJson)) {
                throw new InvalidRequestException("policy", "policy is required: the draft to evaluate");
            }
            PolicyDraft draft = PolicyDraft.from(draftJson);
            Instant to = instant(request, "to", Instant.now());
            Instant from = instant(request, "from", to.minusSeconds(86_400));
            if (!from.isBefore(to)) {
                throw new InvalidRequestException("from", "from must be before to");
            }
            List<PolicyDefinition> stored = PolicyRows.ofTenant(dataSource, tenantId, true);
            PolicyDefinition proposed = new PolicyDefinition(
                    UUID.randomUUID(),
                    tenantId,
                    draft.name(),
                    draft.priority(),
                    true,
                    draft.phase(),
                    draft.conditions(),
                    draft.action(),
                    0,
                    Instant.now());
            PolicyCompiler.compile(proposed, actionsOf(tenantId)); // refuse a bad draft with its field
            List<PolicyDefinition> withDraft = new ArrayList<>();
            stored.stream().filter(p -> !p.name().equals(draft.name())).forEach(withDraft::add);
            if (draft.enabled()) {
                withDraft.add(proposed);
            }
            PolicyActions actions = actionsOf(tenantId);
            PolicySet current = PolicyCompiler.compileAll(stored, actions);
            PolicySet next = PolicyCompiler.compileAll(withDraft, actions);

            Tally before = new Tally();
            Tally after = new Tally();
            Map<String, Integer> draftMatches = new LinkedHashMap<>();
            JsonArrayBuilder samples = Jsonp.createArrayBuilder();
            int evaluated = 0;
            int changed = 0;
            int sampled = 0;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("""
                    SELECT agent_id, project_id, key_id, route, provider, model, findings::text, prompt_tokens, created_at,
                           request_id
                      FROM renlayer.traces WHERE tenant_id = ? AND created_at >= ? AND created_at < ?
                     ORDER BY created_at DESC LIMIT ?""")) {
                ps.setObject(1, tenantId);
                ps.setTimestamp(2, Timestamp.from(from));
                ps.setTimestamp(3, Timestamp.from(to));
                ps.setInt(4, MAX_TRACES);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        evaluated++;
                        PolicySubject subject = subject(tenantId, rs);
                        PolicyDecision was = current.evaluate(Phase.REQUEST, subject);
                        PolicyDecision would = next.evaluate(Phase.REQUEST, subject);
                        before.add(was);
                        after.add(would);
                        would.applied().stream()
                                .filter(a -> a.name().equals(draft.name()))
                                .forEach(a -> draftMatches.merge(a.outcome().name(), 1, Integer::sum));
                        if (!Tally.summary(was).equals(Tally.summary(would))) {
                            changed++;
                            if (sampled++ < SAMPLES) {
                                samples.add(Jsonp.createObjectBuilder()
                                        .add("requestId", rs.getString(10))
                                        .add(
                                                "createdAt",
                                                rs.getTimestamp(9).toInstant().toString())
                                        .add("current", Tally.summary(was))
                                        .add("proposed", Tally.summary(would)));
                            }
                        }
                    }
                }
            }
            JsonObjectBuilder draftResult =
                    Jsonp.createObjectBuilder().add("name", draft.name()).add("action", draft.action());
            draftMatches.forEach(draftResult::add);
            return Jsonp.createObjectBuilder()
                    .add("from", from.toString())
                    .add("to", to.toString())
                    .add("evaluated", evaluated)
                    .add("truncated", evaluated == MAX_TRACES)
                    .add("current", before.toJson())
                    .add("proposed", after.toJson())
                    .add("changed", changed)
                    .add("draft", draftResult)
                    .add("samples", samples)
                    .build();
        });
    }

    private static PolicySubject subject(UUID tenantId, ResultSet rs) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonValue f : Jsonp.createReader(new StringReader(rs.getString(7))).readArray()) {
            counts.merge(f.asJsonObject().getString("type", "UNKNOWN"), 1, Integer::sum);
        }
        Integer promptTokens = (Integer) rs.getObject(8);
        return new PolicySubject(
                tenantId,
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                counts,
                promptTokens == null ? 0 : promptTokens,
                rs.getTimestamp(9).toInstant(),
                null);
    }

    private static Instant instant(JsonObject request, String field, Instant fallback) {
        if (!request.containsKey(field) || request.isNull(field)) {
            return fallback;
        }
        try {
            return Instant.parse(request.getString(field));
        } catch (DateTimeParseException | ClassCastException e) {
            throw new InvalidRequestException(
                    field, field + " must be an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
    }

    /** How many calls a set would have denied, redacted, flagged and allowed. */
    private static final class Tally {
        int denied;
        int redacted;
        int flagged;
        int allowed;

        void add(PolicyDecision decision) {
            if (decision.denied()) {
                denied++;
            } else {
                redacted += decision.redacts() ? 1 : 0;
                flagged += decision.flagged() ? 1 : 0;
                boolean allowedExplicitly = !decision.applied().isEmpty()
                        && decision.applied().getLast().outcome() == PolicyOutcome.ALLOW;
                allowed += allowedExplicitly ? 1 : 0;
            }
        }

        /** One word per call: DENY, or the non-terminal outcomes applied, or PASS. */
        static String summary(PolicyDecision decision) {
            if (decision.denied()) {
                return "DENY";
            }
            List<String> parts = new ArrayList<>();
            if (decision.redacts()) {
                parts.add("REDACT");
            }
            if (decision.flagged()) {
                parts.add("FLAG");
            }
            return parts.isEmpty() ? "PASS" : String.join("+", parts);
        }

        JsonObject toJson() {
            return Jsonp.createObjectBuilder()
                    .add("denied", denied)
                    .add("redacted", redacted)
                    .add("flagged", flagged)
                    .add("allowed", allowed)
                    .build();
        }
    }
}
