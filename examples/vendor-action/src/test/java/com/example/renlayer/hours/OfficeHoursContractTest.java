package com.example.renlayer.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.config.PluginSettings;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.tck.PluginContract;
import io.renlayer.spi.tck.PolicyActionContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The RenLayer test kit's contracts, and what the action decides. */
class OfficeHoursContractTest implements PolicyActionContract {

    private static final Map<String, String> DEFAULTS =
            Map.of("zone", "UTC", "opens", "9", "closes", "17", "weekends", "false", "outside", "deny");

    @Override
    public PolicyAction newAction() {
        return new OfficeHoursAction();
    }

    @Override
    public List<ActionContext> contexts() {
        return List.of(
                at("2026-12-07T12:00:00Z", DEFAULTS), // Monday noon
                at("2026-12-07T17:00:00Z", DEFAULTS), // Monday, closing time
                at("2026-12-06T12:00:00Z", DEFAULTS), // Sunday
                at("2026-12-07T08:30:00Z", Map.of("zone", "Europe/Berlin", "opens", "9", "closes", "17", "outside", "flag")));
    }

    @Test
    void openOnWeekdaysBetweenTheHoursInTheTenantsZone() {
        List<ActionResult.Outcome> outcomes =
                contexts().stream().map(c -> newAction().decide(c).outcome()).toList();
        assertEquals(
                List.of(ActionResult.Outcome.NONE, ActionResult.Outcome.DENY, ActionResult.Outcome.DENY,
                        ActionResult.Outcome.NONE), // 08:30 UTC is 09:30 in Berlin
                outcomes);
        ActionResult evening = newAction()
                .decide(at(
                        "2026-12-07T20:00:00Z",
                        Map.of("zone", "Europe/Berlin", "opens", "9", "closes", "17", "outside", "flag")));
        assertEquals(ActionResult.Outcome.FLAG, evening.outcome());
        assertEquals("outside office hours", evening.reason());
    }

    private static ActionContext at(String instant, Map<String, String> settings) {
        return ActionContext.of("tenant-a", "gpt-4o", List.of())
                .withCall("/v1/chat/completions", "openai", Instant.parse(instant))
                .withSettings(PluginSettings.of(settings));
    }

    @Nested
    class Packaging implements PluginContract {
        @Override
        public Class<? extends RenLayerPlugin> pluginClass() {
            return OfficeHoursPlugin.class;
        }
    }
}
