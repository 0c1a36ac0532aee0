package com.example.renlayer.hours;

import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.config.PluginSettings;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Leaves calls made during the tenant's office hours alone and refuses (or flags) the others.
 * Each tenant sets its own hours and time zone; a policy with action {@code office-hours} applies
 * it to the calls its conditions select.
 */
public final class OfficeHoursAction implements PolicyAction {

    static final ConfigProperty ZONE = ConfigProperty.of("zone", ConfigProperty.Type.STRING)
            .withLabel("Time zone")
            .withHelp("The tenant's time zone, e.g. Europe/Berlin")
            .withDefault("UTC");
    static final ConfigProperty OPENS = ConfigProperty.of("opens", ConfigProperty.Type.INTEGER)
            .withLabel("Opens at")
            .withHelp("Hour of the day the office opens, 0 to 24")
            .withDefault("9");
    static final ConfigProperty CLOSES = ConfigProperty.of("closes", ConfigProperty.Type.INTEGER)
            .withLabel("Closes at")
            .withHelp("Hour of the day the office closes, 0 to 24; calls from then on are outside")
            .withDefault("17");
    static final ConfigProperty WEEKENDS = ConfigProperty.of("weekends", ConfigProperty.Type.BOOLEAN)
            .withLabel("Open on weekends")
            .withDefault("false");
    static final ConfigProperty OUTSIDE = ConfigProperty.of("outside", ConfigProperty.Type.CHOICE)
            .withLabel("Outside office hours")
            .withHelp("deny refuses the call, flag lets it through marked")
            .withOptions(List.of("deny", "flag"))
            .withDefault("deny");

    @Override
    public String id() {
        return "office-hours";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(ZONE, OPENS, CLOSES, WEEKENDS, OUTSIDE);
    }

    @Override
    public ActionResult decide(ActionContext context) {
        PluginSettings settings = context.settings();
        // Decide on the call's own time, not the clock: a dry run over last week's calls agrees.
        ZonedDateTime local = context.at().atZone(ZoneId.of(settings.get("zone")));
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        int hour = local.getHour();
        boolean open = (!weekend || settings.getBoolean("weekends", false))
                && hour >= settings.getLong("opens", 9)
                && hour < settings.getLong("closes", 17);
        if (open) {
            return ActionResult.none();
        }
        ActionResult outside = "flag".equals(settings.get("outside")) ? ActionResult.flag() : ActionResult.deny();
        return outside.because("outside office hours");
    }
}
