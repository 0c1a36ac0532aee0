package io.renlayer.spi.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.renlayer.spi.upstream.BadModelRequest;
import io.renlayer.spi.upstream.ForwardRequest;
import io.renlayer.spi.upstream.GatewayError;
import io.renlayer.spi.upstream.ModelCall;
import io.renlayer.spi.upstream.ModelRequest;
import io.renlayer.spi.upstream.ProviderRoute;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link UpstreamProvider} must meet, as JUnit 5 tests:
 *
 * <pre>{@code
 * class AcmeProviderContractTest implements UpstreamProviderContract {
 *     public UpstreamProvider newProvider() { return new AcmeProvider(); }
 *     public String answer() { return "{\"usage\":{\"in\":7,\"out\":3}}"; }
 *     public List<String> streamedEvents() { return List.of("{\"delta\":\"Hi\"}", "{\"usage\":{\"in\":7,\"out\":3}}"); }
 *     public Usage usage() { return Usage.of(7, 3); }
 * }
 * }</pre>
 *
 * It checks the id, that the call is prepared with the credential and nothing of it lost, that
 * usage is read from a plain and a streamed answer, that no answer (empty, not JSON, cut, deeply
 * nested, huge) makes the provider throw, and, for a provider that owns routes, that each route
 * reads a request it declares (model, streaming, prompt text) and refuses a malformed one with
 * {@link BadModelRequest}, and that the errors it writes are JSON objects carrying the message.
 */
public interface UpstreamProviderContract {

    /** A fresh provider. */
    UpstreamProvider newProvider();

    /** A complete, non-streamed answer of the dialect, with usage. */
    String answer();

    /** The data of each event of a streamed answer, in order, usage included. */
    List<String> streamedEvents();

    /** The usage {@link #answer()} and {@link #streamedEvents()} report. */
    Usage usage();

    /**
     * For a provider with {@link UpstreamProvider#routes()}: a request body each route accepts,
     * whose prompt contains {@link #PROMPT_MARK}. Ignored for providers without routes.
     */
    default String request() {
        return "";
    }

    /** Text {@link #request()} must carry in the prompt the provider reads. */
    String PROMPT_MARK = "contract-prompt-7f3a";

    @Test
    default void idAndVersionAreWellFormed() {
        UpstreamProvider provider = newProvider();
        assertTrue(
                DlpDetectorContract.ID.matcher(provider.id()).matches(),
                "id '" + provider.id() + "' must match " + DlpDetectorContract.ID);
        assertEquals(provider.id(), newProvider().id(), "id must not change between instances");
        assertFalse(provider.version() == null || provider.version().isBlank(), "version must be declared");
        assertNotNull(provider.configProperties(), "configProperties must not be null");
    }

    @Test
    default void preparesTheCallWithTheCredentialAndLosesNothingOfIt() {
        byte[] body = "{\"x\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        ForwardRequest call = ForwardRequest.of("POST", URI.create("https://upstream.example/v1/x"), body)
                .withHeader("x-caller-header", "kept");
        ForwardRequest prepared = newProvider().prepare(call, "credential-8c1e", Map.of());
        assertNotNull(prepared, "prepare must return the call");
        assertTrue(
                prepared.headers().values().stream().flatMap(List::stream).anyMatch(v -> v.contains("credential-8c1e")),
                "the credential must be in a header of the prepared call");
        assertEquals(List.of("kept"), prepared.headers().get("x-caller-header"), "the caller's headers must stay");
        assertEquals(new String(body, StandardCharsets.UTF_8), new String(prepared.body(), StandardCharsets.UTF_8));
        assertEquals("https", prepared.uri().getScheme(), "the upstream's scheme must stay");
    }

    @Test
    default void readsUsageFromAPlainAndAStreamedAnswer() {
        UpstreamProvider provider = newProvider();
        assertEquals(usage(), provider.usageFromBody(answer().getBytes(StandardCharsets.UTF_8)), "usage of the answer");
        Usage streamed = Usage.UNKNOWN;
        for (String event : streamedEvents()) {
            Usage seen = provider.usageFromEvent(event);
            assertNotNull(seen, "usageFromEvent must not return null; Usage.UNKNOWN means none");
            streamed = streamed.merge(seen);
        }
        assertEquals(usage(), streamed, "usage of the streamed answer");
    }

    @Test
    default void noAnswerMakesItThrow() {
        UpstreamProvider provider = newProvider();
        List<String> hostile = new ArrayList<>(List.of(
                "",
                " ",
                "null",
                "[]",
                "{",
                "{\"usage\":",
                "\u0000\u0000",
                "{\"usage\":{\"prompt_tokens\":-5}}",
                "[".repeat(10_000),
                "{\"a\":\"" + "x".repeat(1 << 20) + "\"}"));
        hostile.add(answer().substring(0, answer().length() / 2));
        for (String text : hostile) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            try {
                assertNotNull(provider.usageFromBody(text.getBytes(StandardCharsets.UTF_8)), shown);
                assertNotNull(provider.usageFromEvent(text), shown);
            } catch (RuntimeException | StackOverflowError e) {
                fail("reading usage of " + shown + " threw " + e);
            }
        }
    }

    @Test
    default void eachOwnRouteReadsARequestAndRefusesAMalformedOne() {
        UpstreamProvider provider = newProvider();
        for (ProviderRoute route : provider.routes()) {
            String model = route.path().contains("{model}") ? "contract-model-1" : null;
            ModelRequest read = provider.readRequest(ModelCall.of(route, model, request()));
            assertNotNull(read, route + " read nothing");
            assertFalse(read.model().isBlank(), route + " read no model");
            if (model != null) {
                assertEquals(model, read.model(), route + " must read the model its path names");
            }
            assertEquals(route.streams() || read.stream(), read.stream(), route + " streams");
            assertTrue(read.promptText().contains(PROMPT_MARK), route + " lost the prompt");
            for (String bad : List.of("", "[", "[]", "7", "{\"" + "a".repeat(5) + "\":[[[[[[[[]]]]]]]]}")) {
                try {
                    provider.readRequest(ModelCall.of(route, model, bad));
                    if (!bad.startsWith("{\"")) {
                        fail(route + " accepted the body " + bad);
                    }
                } catch (BadModelRequest expected) {
                    assertNotNull(expected.getMessage(), "a refusal says why");
                } catch (RuntimeException e) {
                    fail(route + " threw " + e + " on the body " + bad + " instead of BadModelRequest");
                }
            }
        }
    }

    @Test
    default void errorsItWritesAreJsonObjectsWithTheMessage() {
        UpstreamProvider provider = newProvider();
        for (int status : List.of(400, 401, 403, 404, 429, 503)) {
            String body =
                    provider.errorBody(new GatewayError(status, "api_error", "code", "Message \"quoted\"", "req_1"));
            if (body == null) {
                continue; // the gateway writes OpenAI's shape
            }
            String trimmed = body.strip();
            assertTrue(trimmed.startsWith("{") && trimmed.endsWith("}"), "an error body is a JSON object: " + body);
            assertTrue(body.contains("Message \\\"quoted\\\""), "the message, escaped as JSON: " + body);
        }
    }
}
