package io.renlayer.console;

import io.renlayer.admin.policies.PolicyDraft;
import io.renlayer.admin.policies.PolicyDryRun;
import io.renlayer.admin.policies.PolicyService;
import io.renlayer.core.errors.StorageException;
import io.renlayer.core.json.Jsonp;
import io.renlayer.core.policies.PolicyDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.io.StringReader;
import java.util.List;

/** The tenant's policies in evaluation order, and an editor whose errors name the field. */
@Named
@ViewScoped
public class PoliciesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PolicyService policies;

    @EJB
    private PolicyDryRun dryRun;

    @Inject
    private ConsoleSession session;

    private String preview;

    private List<PolicyDefinition> list;
    private String name;
    private int priority = 100;
    private String phase = "request";
    private String action = "DENY";
    private String conditions = "{}";

    @PostConstruct
    void load() {
        try {
            list = policies.list(session.getTenantId());
        } catch (StorageException e) {
            list = List.of();
            Messages.error("Policies cannot be read right now.");
        }
    }

    /** Replays the last 24 hours of traces with the draft added: what would change, before saving. */
    public void preview() {
        JsonObject draft = draft();
        if (draft == null) {
            return;
        }
        Messages.attempt(() -> {
            JsonObject result = dryRun.run(
                    session.getTenantId(),
                    Jsonp.createObjectBuilder().add("policy", draft).build());
            preview = "Over the last 24 hours, " + result.getInt("evaluated") + " requests were replayed: "
                    + result.getInt("changed") + " would be treated differently. Now "
                    + result.getJsonObject("current") + ", with the draft " + result.getJsonObject("proposed") + ".";
        });
    }

    private JsonObject draft() {
        JsonObject parsed;
        try {
            parsed = Jsonp.createReader(
                            new StringReader(conditions == null || conditions.isBlank() ? "{}" : conditions))
                    .readObject();
        } catch (JsonException | IllegalStateException e) {
            Messages.error("conditions: not a JSON object");
            return null;
        }
        return Jsonp.createObjectBuilder()
                .add("name", name == null ? "" : name)
                .add("priority", priority)
                .add("phase", phase)
                .add("action", action)
                .add("conditions", parsed)
                .build();
    }

    public void create() {
        JsonObject body = draft();
        if (body == null) {
            return;
        }
        boolean created =
                Messages.attempt(() -> policies.create(session.getTenantId(), PolicyDraft.from(body), session.actor()));
        if (created) {
            Messages.info("Policy '" + name + "' saved; it applies on every node within a second.");
            name = null;
            conditions = "{}";
            load();
        }
    }

    public List<PolicyDefinition> getPolicies() {
        return list;
    }

    public String getPreview() {
        return preview;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getConditions() {
        return conditions;
    }

    public void setConditions(String conditions) {
        this.conditions = conditions;
    }
}
