package io.renlayer.spi.policy;

import io.renlayer.spi.Experimental;
import java.util.List;
import java.util.Objects;

/** What an action may look at: the tenant, the model and the finding types of the call. Immutable. */
@Experimental("shaped by the policy engine; the context will grow")
public final class ActionContext {

    private final String tenantId;
    private final String model;
    private final List<String> findingTypes;

    private ActionContext(String tenantId, String model, List<String> findingTypes) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId is null");
        this.model = model;
        this.findingTypes = List.copyOf(findingTypes);
    }

    public static ActionContext of(String tenantId, String model, List<String> findingTypes) {
        return new ActionContext(tenantId, model, findingTypes);
    }

    public String tenantId() {
        return tenantId;
    }

    /** The requested model, or null when the route has none. */
    public String model() {
        return model;
    }

    public List<String> findingTypes() {
        return findingTypes;
    }
}
