package io.renlayer.spi.policy;

import io.renlayer.spi.Experimental;
import java.util.Objects;

/**
 * What an action decided for one call. ALLOW and DENY end the evaluation of the tenant's
 * policies; FLAG, REDACT and ROUTE are applied and lower priorities are evaluated too; NONE leaves
 * the call as it is, as if the policy had not matched.
 */
@Experimental("shaped by the policy engine; the context will grow")
public final class ActionResult {

    /** The outcomes the gateway carries out. */
    public enum Outcome {
        ALLOW,
        FLAG,
        REDACT,
        DENY,
        /** Forward to another upstream (and model) of the tenant's instead. */
        ROUTE,
        /** Nothing to do for this call: the policy is not applied, evaluation goes on. */
        NONE
    }

    private static final ActionResult ALLOW = new ActionResult(Outcome.ALLOW, null, null, null);
    private static final ActionResult FLAG = new ActionResult(Outcome.FLAG, null, null, null);
    private static final ActionResult REDACT = new ActionResult(Outcome.REDACT, null, null, null);
    private static final ActionResult DENY = new ActionResult(Outcome.DENY, null, null, null);
    private static final ActionResult NONE = new ActionResult(Outcome.NONE, null, null, null);

    private final Outcome outcome;
    private final String upstream;
    private final String model;
    private final String reason;

    private ActionResult(Outcome outcome, String upstream, String model, String reason) {
        this.outcome = outcome;
        this.upstream = upstream;
        this.model = model;
        this.reason = reason;
    }

    public static ActionResult allow() {
        return ALLOW;
    }

    public static ActionResult flag() {
        return FLAG;
    }

    /** Replace the findings the policy's conditions name (all of them when it names none). */
    public static ActionResult redact() {
        return REDACT;
    }

    public static ActionResult deny() {
        return DENY;
    }

    /** Leave this call alone: for an action that only acts in some situations (outside office hours, say). */
    public static ActionResult none() {
        return NONE;
    }

    /**
     * Send the call to another of the tenant's upstreams, of the same dialect.
     *
     * @param upstream the name the tenant registered the upstream under
     * @param model the model to ask it for instead, or null to keep the caller's
     */
    public static ActionResult route(String upstream, String model) {
        return new ActionResult(Outcome.ROUTE, Objects.requireNonNull(upstream, "upstream is null"), model, null);
    }

    /** The same decision with a short reason for the trace (no prompt text). */
    public ActionResult because(String reason) {
        return new ActionResult(outcome, upstream, model, reason);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The upstream to route to; only for {@link Outcome#ROUTE}. */
    public String upstream() {
        return upstream;
    }

    /** The model to route to, or null to keep the caller's; only for {@link Outcome#ROUTE}. */
    public String model() {
        return model;
    }

    /** Why, or null. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "ActionResult[" + outcome + (upstream == null ? "" : " to " + upstream + "/" + model) + "]";
    }
}
