package io.renlayer.proxy.pipeline;

import io.renlayer.core.policies.AppliedPolicy;
import io.renlayer.core.runtime.KeySnapshot;
import io.renlayer.core.runtime.UpstreamSnapshot;
import io.renlayer.proxy.inspect.ScanResult;
import io.renlayer.proxy.limits.Reservation;
import io.renlayer.proxy.trace.ResponseCapture;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one proxied call, filled in stage by stage: typed fields rather than an
 * attribute map, so each stage states what it reads and writes.
 */
public final class Exchange {

    private final String requestId;
    private final Instant receivedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final String method;
    private Address address;
    private final Map<String, String> headers;
    private final Inbound inbound;
    private byte[] body;
    private String bodyText;
    private byte[] answer;
    private Map<Class<?>, Object> attachments;

    private KeySnapshot key;
    private UpstreamSnapshot upstream;
    private UpstreamProvider provider;
    private String model;
    private boolean streamRequested;
    private String promptText = "";
    private String otherText;
    private boolean bodyMayNameSession = true;
    private long maxTokens = -1;
    private Reservation reservation;
    private ScanResult requestScan; // null until the prompt is scanned
    private ResponseRewriter responseRewriter;
    private final ResponseCapture responseCapture = new ResponseCapture();
    private final List<AppliedPolicy> policies = new ArrayList<>(1);

    private int status;
    private String errorCode;
    private Usage usage = Usage.UNKNOWN;
    private long upstreamNanos = -1;
    private final List<String> flags = new ArrayList<>(2);

    /**
     * A call whose body is already read (the stages' tests, the fuzz tests).
     *
     * @param headers request headers, names lower-cased, first value of each
     */
    public Exchange(String requestId, String method, String route, Map<String, String> headers, byte[] body) {
        this(requestId, method, Address.of(route, ""), headers, null);
        this.body = body;
    }

    /**
     * A call as it arrives: its body is read from {@code inbound} by the accept stage.
     *
     * @param headers request headers, names lower-cased, first value of each
     */
    public Exchange(String requestId, String method, Address address, Map<String, String> headers, Inbound inbound) {
        this.requestId = requestId;
        this.method = method;
        this.address = address;
        this.headers = headers;
        this.inbound = inbound;
    }

    public String requestId() {
        return requestId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public long startNanos() {
        return startNanos;
    }

    public String method() {
        return method;
    }
    /** The route as keys scope it and traces show it: {@code /v1/messages}, {@code /services/billing}. */
    public String route() {
        return address.route();
    }

    public Address address() {
        return address;
    }

    /** The call goes to another upstream path from now on: a policy routed it to a model its path names. */
    public void readdress(Address address) {
        this.address = address;
    }
    /** The connection the call came on; null when the call was made up (tests). */
    public Inbound inbound() {
        return inbound;
    }

    public byte[] body() {
        return body;
    }
    /** The body as the accept stage read it. */
    public void received(byte[] body) {
        this.body = body;
    }
    /** What is forwarded instead of the body the client sent (a redaction): its text, and its UTF-8 bytes. */
    public void replaceBody(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
        this.bodyText = json;
    }

    /**
     * The body decoded from UTF-8, once: the parser, the policies and the trace writer all read
     * this one copy instead of each decoding a long body again.
     */
    public String bodyText() {
        if (bodyText == null && body != null) {
            bodyText = new String(body, StandardCharsets.UTF_8);
        }
        return bodyText;
    }

    /**
     * The body's text if it was decoded already (a redaction, the MCP reader), else null: the
     * trace writer then stores an ASCII body from its bytes instead of decoding a copy.
     */
    public String decodedBodyOrNull() {
        return bodyText;
    }

    /** A request header by lower-case name, or null. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public Map<String, String> headers() {
        return headers;
    }

    public KeySnapshot key() {
        return key;
    }
    /** The key whose secret verified; set before its state is checked, so refusals are traced too. */
    public void identifiedAs(KeySnapshot key) {
        this.key = key;
    }

    public UpstreamSnapshot upstream() {
        return upstream;
    }

    public UpstreamProvider provider() {
        return provider;
    }

    public void routeTo(UpstreamSnapshot upstream, UpstreamProvider provider) {
        this.upstream = upstream;
        this.provider = provider;
    }

    public String model() {
        return model;
    }

    /** The model the call asks for from now on: a policy routed it to another. */
    public void askFor(String model) {
        this.model = model;
    }

    public boolean streamRequested() {
        return streamRequested;
    }

    public String promptText() {
        return promptText;
    }

    public void describedAs(String model, boolean streamRequested, String promptText) {
        this.model = model;
        this.streamRequested = streamRequested;
        this.promptText = promptText;
    }

    /**
     * The request's string values other than the prompt, joined by newlines; null when the body
     * was not read as a model request, and the trace writer must find them in the body itself.
     */
    public String otherText() {
        return otherText;
    }

    public void otherText(String otherText) {
        this.otherText = otherText;
    }

    /**
     * False once the body was read whole and has no top-level {@code conversation} or
     * {@code metadata}: the trace writer need not search a long prompt for a session it cannot name.
     */
    public boolean bodyMayNameSession() {
        return bodyMayNameSession;
    }

    public void bodyNamesNoSession() {
        this.bodyMayNameSession = false;
    }

    /** {@code max_tokens} (or {@code max_completion_tokens}) of the request, or -1. */
    public long maxTokens() {
        return maxTokens;
    }

    public void maxTokens(long maxTokens) {
        this.maxTokens = maxTokens;
    }

    /** What the limits stage reserved, to settle when the call ends; null when nothing was counted. */
    public Reservation reservation() {
        return reservation;
    }

    public void reserved(Reservation reservation) {
        this.reservation = reservation;
    }

    public ScanResult requestScan() {
        return requestScan == null ? ScanResult.NOTHING : requestScan;
    }
    /** The prompt's scan, or null when the call ended before its prompt was scanned. */
    public ScanResult promptScanOrNull() {
        return requestScan;
    }

    public void inspected(ScanResult requestScan) {
        this.requestScan = requestScan;
    }

    /** Set when the response must be changed before the client sees it; null relays it untouched. */
    public ResponseRewriter responseRewriter() {
        return responseRewriter;
    }
    /** Adds a rewrite of the response; several apply in the order they were added. */
    public void rewriteResponse(ResponseRewriter rewriter) {
        ResponseRewriter first = this.responseRewriter;
        this.responseRewriter = first == null
                ? rewriter
                : message -> {
                    String once = first.rewrite(message);
                    return once == null ? null : rewriter.rewrite(once);
                };
    }

    /** The policies that matched, at either phase, in order. */
    public List<AppliedPolicy> policies() {
        return policies;
    }

    public synchronized void applied(List<AppliedPolicy> matched) {
        policies.addAll(matched);
    }

    /** The beginning of the upstream's answer, for the trace. */
    public ResponseCapture responseCapture() {
        return responseCapture;
    }

    /** The JSON body of the gateway's own answer (a terminal stage's), or null. */
    public byte[] answer() {
        return answer;
    }

    public void answer(byte[] json) {
        this.answer = json;
    }

    /**
     * What one kind of route knows of a call beyond this class's fields (an MCP call's JSON-RPC
     * messages): owned by the stages of that route, so the exchange need not know its shape.
     */
    public <T> T attachment(Class<T> type) {
        return attachments == null ? null : type.cast(attachments.get(type));
    }

    public void attach(Object attachment) {
        if (attachments == null) {
            attachments = new HashMap<>(2);
        }
        attachments.put(attachment.getClass(), attachment);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public void finished(int status, String errorCode) {
        this.status = status;
        this.errorCode = errorCode;
    }

    public Usage usage() {
        return usage;
    }

    public void usage(Usage usage) {
        this.usage = usage;
    }

    /** Conditions the trace should show, e.g. {@code upstream_fallback}. */
    public List<String> flags() {
        return flags;
    }

    public synchronized void flag(String flag) {
        if (!flags.contains(flag)) {
            flags.add(flag);
        }
    }

    public long upstreamNanos() {
        return upstreamNanos;
    }

    public void upstreamTook(long nanos) {
        this.upstreamNanos = nanos;
    }
}
