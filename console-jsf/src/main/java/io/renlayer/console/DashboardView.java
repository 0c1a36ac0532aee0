package io.renlayer.console;

import io.renlayer.core.errors.StorageException;
import io.renlayer.core.json.Jsonp;
import io.renlayer.core.traces.TraceDashboard;
import io.renlayer.core.traces.TraceStore;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.primefaces.event.ItemSelectEvent;

/** Traffic of the chosen range: totals, latency, errors, findings over time, top agents and models, denials. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);

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
        } catch (StorageException e) {
            Messages.error("Traffic figures cannot be read right now.");
        }
    }

    /** Requests, errors and findings per hour. */
    public String getSeriesChart() {
        return chart(
                "bar",
                List.of(
                        new Series("Requests", "#47a3f3", TraceDashboard.Bucket::requests),
                        new Series("Errors", "#e12d39", TraceDashboard.Bucket::errors),
                        new Series("DLP findings", "#f0b429", TraceDashboard.Bucket::findings)));
    }

    /** Latency p50 and p95 per hour, in milliseconds. */
    public String getLatencyChart() {
        return chart(
                "line",
                List.of(
                        new Series("p50", "#47a3f3", TraceDashboard.Bucket::p50Ms),
                        new Series("p95", "#e12d39", TraceDashboard.Bucket::p95Ms)));
    }

    /** Tokens and cost (in thousandths of a dollar, to share the axis) per hour. */
    public String getUsageChart() {
        return chart(
                "line",
                List.of(
                        new Series("Tokens", "#47a3f3", TraceDashboard.Bucket::tokens),
                        new Series("Cost (m$)", "#e12d39", b -> b.costUsd().movePointRight(3))));
    }

    /** One line or bar per series over the hours of the range. */
    private record Series(String label, String color, Function<TraceDashboard.Bucket, Number> value) {}

    /** A Chart.js configuration, without animation so that what is drawn is final at once. */
    private String chart(String type, List<Series> series) {
        JsonArrayBuilder labels = Jsonp.createArrayBuilder();
        dashboard.hours().forEach(b -> labels.add(HOUR.format(b.hour())));
        JsonArrayBuilder datasets = Jsonp.createArrayBuilder();
        for (Series one : series) {
            JsonArrayBuilder data = Jsonp.createArrayBuilder();
            dashboard.hours().forEach(b -> data.add(one.value().apply(b).doubleValue()));
            datasets.add(Jsonp.createObjectBuilder()
                    .add("label", one.label())
                    .add("data", data)
                    .add("backgroundColor", one.color())
                    .add("borderColor", one.color()));
        }
        return Jsonp.createObjectBuilder()
                .add("type", type)
                .add("data", Jsonp.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add(
                        "options",
                        Jsonp.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add("animation", false))
                .build()
                .toString();
    }

    /** A click on an hour of the chart opens the sessions explorer on that hour. */
    public void openHour(ItemSelectEvent event) throws IOException {
        TraceDashboard.Bucket bucket = dashboard.hours().get(event.getItemIndex());
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/sessions.xhtml?from=" + bucket.hour() + "&to="
                + bucket.hour().plus(Duration.ofHours(1)));
    }

    public String percent(double ratio) {
        return String.format("%.1f %%", ratio * 100);
    }

    public TraceDashboard getDashboard() {
        return dashboard;
    }

    public int getHours() {
        return hours;
    }

    public void setHours(int hours) {
        this.hours = hours;
    }
}
