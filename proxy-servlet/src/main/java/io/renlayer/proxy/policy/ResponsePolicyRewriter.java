package io.renlayer.proxy.policy;

import io.renlayer.core.json.Jsonp;
import io.renlayer.core.policies.AppliedPolicy;
import io.renlayer.core.policies.Phase;
import io.renlayer.core.policies.PolicyDecision;
import io.renlayer.core.policies.PolicySet;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.inspect.JsonStrings;
import io.renlayer.proxy.inspect.ScanResult;
import io.renlayer.proxy.inspect.TextScanner;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.ResponseRewriter;
import io.renlayer.spi.dlp.ScanInput;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies response-phase policies to each JSON message of an answer (the body, or each streamed
 * event): scans its text, evaluates, and redacts, flags, or replaces it with an error naming the
 * policy. After a DENY the rest of a stream is dropped. Messages that are not JSON
 * ({@code [DONE]}) pass through.
 */
final class ResponsePolicyRewriter implements ResponseRewriter {

    private final PolicySet policies;
    private final Exchange exchange;
    private final TextScanner scanner;
    private final Set<String> recorded = new HashSet<>();
    private final StreamingWindow window = new StreamingWindow();
    private StreamDelta lastDelta;
    private boolean cut;

    ResponsePolicyRewriter(PolicySet policies, Exchange exchange, TextScanner scanner) {
        this.policies = policies;
        this.exchange = exchange;
        this.scanner = scanner;
    }

    @Override
    public String rewrite(String message) {
        if (cut) {
            return null;
        }
        Optional<JsonValue> json = JsonStrings.parse(message);
        JsonObject event = json.filter(v -> v instanceof JsonObject)
                .map(JsonValue::asJsonObject)
                .orElse(null);
        StreamDelta delta = event == null ? null : StreamDelta.of(event);
        if (delta != null) {
            lastDelta = delta;
            return rewriteDelta(delta);
        }
        if (window.holding() && (event == null || StreamDelta.closes(event))) {
            // The text ends here: what was held goes out first, as one more text event.
            String flushed = rewriteDelta(lastDelta.last(""));
            return cut ? flushed : flushed + ResponseRewriter.NEXT_MESSAGE + rewrite(message);
        }
        if (json.isEmpty()) {
            return message;
        }
        String text = JsonStrings.text(json.get());
        ScanResult scan = scanner.scan(text, exchange.key().tenantId().toString(), ScanInput.Phase.RESPONSE);
        PolicyDecision decision = policies.evaluate(Phase.RESPONSE, PolicySubjects.of(exchange, scan.findings()));
        record(decision.applied());
        if (decision.denied()) {
            return deny(decision);
        }
        if (!decision.redacts()) {
            return message;
        }
        Map<String, String> tokens = Redaction.tokens(text, scan.findings(), decision);
        if (tokens.isEmpty()) {
            return message;
        }
        exchange.flag("response_redacted");
        return JsonStrings.redact(json.get(), tokens).toString();
    }

    /**
     * A streamed piece of text: held in the window until a secret split across pieces would be
     * whole, then released redacted. The window's text is what policies see.
     */
    private String rewriteDelta(StreamDelta delta) {
        String text = window.append(delta.text());
        ScanResult scan = text.isEmpty()
                ? ScanResult.NOTHING
                : scanner.scan(text, exchange.key().tenantId().toString(), ScanInput.Phase.RESPONSE);
        PolicyDecision decision = policies.evaluate(Phase.RESPONSE, PolicySubjects.of(exchange, scan.findings()));
        record(decision.applied());
        if (decision.denied()) {
            return deny(decision);
        }
        String released = window.release(
                scan.findings(),
                delta.last(),
                f -> decision.redactsType(f.finding().type()));
        if (!released.equals(text.substring(0, Math.min(text.length(), released.length())))) {
            exchange.flag("response_redacted");
        }
        return delta.withText(released).toString();
    }

    /** The error event that ends the answer; what follows is dropped. */
    private String deny(PolicyDecision decision) {
        cut = true;
        exchange.flag("response_blocked");
        ProxyError error = ProxyError.policyDenied(decision.denial().name());
        return Jsonp.createObjectBuilder()
                .add(
                        "error",
                        Jsonp.createObjectBuilder()
                                .add(
                                        "message",
                                        "The response was blocked by policy '"
                                                + decision.denial().name() + "'.")
                                .add("type", error.type())
                                .add("code", error.code())
                                .add("param", error.param()))
                .build()
                .toString();
    }

    /** Each policy once per call, however many events it matched. */
    private void record(List<AppliedPolicy> applied) {
        for (AppliedPolicy a : applied) {
            if (recorded.add(a.name() + "/" + a.outcome())) {
                exchange.applied(List.of(a));
            }
        }
    }
}
