package io.renlayer.spi.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PolicyAction} must meet, as JUnit 5 tests:
 *
 * <pre>{@code
 * class OfficeHoursContractTest implements PolicyActionContract {
 *     public PolicyAction newAction() { return new OfficeHoursAction(); }
 *     public List<ActionContext> contexts() { return List.of(sunday, mondayNoon); }
 * }
 * }</pre>
 *
 * It checks the id, the configuration properties, that every context gets a decision, that the
 * same context always gets the same decision (from one instance or two, in any order: nothing is
 * kept between calls), that concurrent calls agree with sequential ones, and that a decision is
 * fast (under {@value #BUDGET_MS} ms, the gateway's default budget). That an action does no I/O
 * cannot be seen from outside; the speed check catches most that do.
 */
public interface PolicyActionContract {

    /** The gateway's default budget per plugin call. */
    long BUDGET_MS = 100;

    /** A fresh action. */
    PolicyAction newAction();

    /**
     * Calls to decide, with the settings a tenant would give (see
     * {@link ActionContext#withSettings}); cover the outcomes the action can reach.
     */
    List<ActionContext> contexts();

    @Test
    default void idVersionAndPropertiesAreWellFormed() {
        PolicyAction action = newAction();
        assertTrue(
                DlpDetectorContract.ID.matcher(action.id()).matches(),
                "id '" + action.id() + "' must match " + DlpDetectorContract.ID);
        assertEquals(action.id(), newAction().id(), "id must not change between instances");
        assertFalse(action.version() == null || action.version().isBlank(), "version must be declared");
        List<ConfigProperty> properties = action.configProperties();
        assertNotNull(properties, "configProperties must not be null");
        Set<String> names = new HashSet<>();
        for (ConfigProperty property : properties) {
            assertTrue(names.add(property.name()), "property '" + property.name() + "' appears twice");
            if (property.defaultValue() != null) {
                assertEquals(
                        null,
                        property.problemWith(property.defaultValue()),
                        "the default of '" + property.name() + "' must be a valid value");
            }
        }
    }

    @Test
    default void everyContextGetsADecisionAndTheSameOneEveryTime() {
        List<ActionContext> contexts = contexts();
        assertFalse(contexts.isEmpty(), "give at least one context");
        PolicyAction first = newAction();
        PolicyAction second = newAction();
        List<ActionResult> decisions = new ArrayList<>();
        for (ActionContext context : contexts) {
            ActionResult result = first.decide(context);
            assertNotNull(result, "decide must not return null (" + context + ")");
            if (result.outcome() == ActionResult.Outcome.ROUTE) {
                assertNotNull(result.upstream(), "a ROUTE decision names an upstream");
            }
            decisions.add(result);
        }
        for (int i = contexts.size() - 1; i >= 0; i--) {
            ActionContext context = contexts.get(i);
            assertSame(
                    decisions.get(i),
                    second.decide(context),
                    "another instance, called in another order, decided otherwise for " + context);
            assertSame(
                    decisions.get(i),
                    first.decide(context),
                    "the same instance decided otherwise the second time: " + context);
        }
    }

    @Test
    default void concurrentDecisionsAgreeWithSequentialOnes() throws Exception {
        PolicyAction action = newAction();
        List<ActionContext> contexts = contexts();
        List<ActionResult> expected = contexts.stream().map(action::decide).toList();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<ActionResult>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    List<ActionResult> results = new ArrayList<>();
                    for (int round = 0; round < 200; round++) {
                        for (ActionContext context : contexts) {
                            results.add(action.decide(context));
                        }
                    }
                    return results;
                }));
            }
            start.countDown();
            for (Future<List<ActionResult>> run : runs) {
                List<ActionResult> results = run.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < results.size(); i++) {
                    assertSame(
                            expected.get(i % contexts.size()), results.get(i), "a concurrent call decided otherwise");
                }
            }
        }
    }

    @Test
    default void decidesWellWithinTheBudget() {
        PolicyAction action = newAction();
        for (ActionContext context : contexts()) {
            action.decide(context); // warm up
        }
        for (ActionContext context : contexts()) {
            long started = System.nanoTime();
            action.decide(context);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(tookMs < BUDGET_MS, "deciding took " + tookMs + " ms for " + context);
        }
    }

    private static void assertSame(ActionResult expected, ActionResult actual, String message) {
        assertEquals(expected.outcome(), actual.outcome(), message);
        assertEquals(expected.upstream(), actual.upstream(), message);
        assertEquals(expected.model(), actual.model(), message);
    }
}
