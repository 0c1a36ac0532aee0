package io.renlayer.console;

import io.renlayer.admin.traces.TraceDashboard;
import io.renlayer.admin.traces.TraceStore;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Traffic of the chosen range: totals, latency, errors, findings over time, top agents and models, denials. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);

    @Inject
    private TraceStore traces;

    @Inject
    private ConsoleSession session;

    private int hours = 24;
    private TraceDashboard dashboard;

    @PostConstruct
    void load() {
        refresh();
    }

    public void refresh() {
        Instant to = Instant.now().plusSeconds(1);
        try {
            dashboard = traces.dashboard(session.getTenantId(), to.minus(Duration.ofHours(hours)), to);
        } catch (SQLException e) {
            Messages.error("Traffic figures cannot be read right now.");
        }
    }

    /** Chart.js configuration: requests, errors and findings per hour. */
    public String getSeriesChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder requests = Json.createArrayBuilder();
        JsonArrayBuilder errors = Json.createArrayBuilder();
        JsonArrayBuilder findings = Json.createArrayBuilder();
        for (TraceDashboard.Bucket b : dashboard.hours()) {
            labels.add(HOUR.format(b.hour()));
            requests.add(b.requests());
            errors.add(b.errors());
            findings.add(b.findings());
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(dataset("Requests", requests, "#47a3f3"))
                        .add(dataset("Errors", errors, "#e12d39"))
                        .add(dataset("DLP findings", findings, "#f0b429"))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("animation", false))
                .build().toString();
    }

    /** Latency p50 and p95 per hour, in milliseconds. */
    public String getLatencyChart() {
        return lineChart("ms", b -> b.p50Ms(), "p50", b -> b.p95Ms(), "p95");
    }

    /** Tokens and cost (in thousandths of a dollar, to share the axis) per hour. */
    public String getUsageChart() {
        return lineChart("", b -> b.tokens(), "Tokens",
                b -> b.costUsd().movePointRight(3).doubleValue(), "Cost (m$)");
    }

    private String lineChart(String unit, java.util.function.Function<TraceDashboard.Bucket, Number> first, String firstLabel,
            java.util.function.Function<TraceDashboard.Bucket, Number> second, String secondLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder a = Json.createArrayBuilder();
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (TraceDashboard.Bucket bucket : dashboard.hours()) {
            labels.add(HOUR.format(bucket.hour()));
            a.add(first.apply(bucket).doubleValue());
            b.add(second.apply(bucket).doubleValue());
        }
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(dataset(firstLabel, a, "#47a3f3").add("borderColor", "#47a3f3"))
                        .add(dataset(secondLabel, b, "#e12d39").add("borderColor", "#e12d39"))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("animation", false))
                .build().toString();
    }

    private static jakarta.json.JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String color) {
        return Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", color);
    }

    /** A click on an hour of the chart opens the sessions explorer on that hour. */
    public void openHour(org.primefaces.event.ItemSelectEvent event) throws java.io.IOException {
        TraceDashboard.Bucket bucket = dashboard.hours().get(event.getItemIndex());
        var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/sessions.xhtml?from=" + bucket.hour()
                + "&to=" + bucket.hour().plus(Duration.ofHours(1)));
    }

    public String percent(double ratio) {
        return String.format("%.1f %%", ratio * 100);
    }

    public TraceDashboard getDashboard() { return dashboard; }
    public int getHours() { return hours; }
    public void setHours(int hours) { this.hours = hours; }
}
