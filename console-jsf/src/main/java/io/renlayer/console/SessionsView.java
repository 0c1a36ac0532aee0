package io.renlayer.console;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.StorageException;
import io.renlayer.core.paging.PageRequest;
import io.renlayer.core.traces.TraceFilter;
import io.renlayer.core.traces.TraceRecord;
import io.renlayer.core.traces.TraceSession;
import io.renlayer.core.traces.TraceStore;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Sessions and their requests, newest first; one request opens with its redacted bodies and findings. */
@Named
@ViewScoped
public class SessionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private TraceStore traces;

    @Inject
    private ConsoleSession session;

    private String from;
    private String to;
    private String sessionId;
    private String model;
    private String status;
    private String decision;
    private String findingType;
    private List<TraceSession> sessions;
    private List<TraceRecord> requests;
    private TraceRecord selected;

    /** Runs the search once the view parameters (an hour picked on the dashboard) are set. */
    public void load() {
        if (requests == null) {
            search();
        }
    }

    public void search() {
        Messages.attempt(() -> {
            TraceFilter filter = new TraceFilter(
                    instant(from),
                    instant(to),
                    null,
                    null,
                    blank(model),
                    blank(status),
                    blank(decision),
                    blank(findingType),
                    blank(sessionId));
            requests = traces.query(session.getTenantId(), filter, PageRequest.of(100, null))
                    .items();
            sessions = traces.sessions(session.getTenantId(), filter, PageRequest.of(50, null), null)
                    .items();
        });
    }

    public void showSession(String id) {
        sessionId = id;
        search();
    }

    public void open(UUID traceId) {
        try {
            selected = traces.find(session.getTenantId(), traceId).orElse(null);
        } catch (StorageException e) {
            Messages.error("The trace cannot be read right now.");
        }
    }

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A trace time as operators read it (UTC). */
    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** A stored body, HTML-escaped, with each redaction marked so that the findings stand out. */
    public String highlight(String body) {
        if (body == null || body.isEmpty()) {
            return "<span class=\"empty\">not captured</span>";
        }
        String escaped = body.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
        return REDACTION.matcher(escaped).replaceAll("<mark>$0</mark>");
    }

    private static final Pattern REDACTION = Pattern.compile("\\[(?:REDACTED:[A-Z_]+|HASH:[0-9a-f]{12})\\]|\\*{4,}");

    private static Instant instant(String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("from", "not a time: " + value);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public List<TraceSession> getSessions() {
        return sessions;
    }

    public List<TraceRecord> getRequests() {
        return requests;
    }

    public TraceRecord getSelected() {
        return selected;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getFindingType() {
        return findingType;
    }

    public void setFindingType(String findingType) {
        this.findingType = findingType;
    }
}
