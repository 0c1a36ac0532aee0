package io.renlayer.proxy.stage;

import io.renlayer.core.json.Jsonp;
import io.renlayer.core.json.Utf8Reader;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a model request once, with a streaming parser: the model, the stream flag, the token cap,
 * and the prompt text that detectors and policies inspect: chat and Anthropic {@code messages}
 * (every {@code content} and {@code text}), Anthropic's {@code system}, and the Responses and
 * Embeddings {@code input} (a string, a list of strings, or messages), joined by newlines.
 *
 * <p>Every other string value (roles, the model, tool definitions, tool-call arguments) is kept
 * too, apart from the prompt: the trace writer scans those for its stored copy of the body, and
 * would otherwise have to parse the whole body a second time to find them, a long prompt included.
 */
public final class ReadChatRequestStage implements Stage {

    @Override
    public StageResult apply(Exchange exchange) {
        String model = null;
        boolean stream = false;
        Lines prompt = new Lines();
        Lines other = new Lines();
        boolean namesSession = false;
        boolean modelSeen = false;
        boolean streamSeen = false;
        try (JsonParser parser = Jsonp.createParser(reader(exchange))) {
            if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
                return StageResult.reject(ProxyError.invalidBody(null, "The request body must be a JSON object."));
            }
            while (parser.hasNext()) {
                if (parser.next() != Event.KEY_NAME) {
                    continue; // the top level's END_OBJECT
                }
                String field = parser.getString();
                namesSession |= field.equals("conversation") || field.equals("metadata");
                Event value = parser.next();
                switch (field) {
                    case "model" -> {
                        if (modelSeen) {
                            return duplicate("model");
                        }
                        modelSeen = true;
                        model = value == Event.VALUE_STRING ? parser.getString() : null;
                        other.add(model);
                    }
                    case "stream" -> {
                        if (streamSeen) {
                            return duplicate("stream");
                        }
                        streamSeen = true;
                        stream = value == Event.VALUE_TRUE;
                    }
                    case "messages", "input", "system", "instructions" -> readText(parser, value, prompt, other);
                    case "max_tokens", "max_completion_tokens", "max_output_tokens" -> {
                        if (value == Event.VALUE_NUMBER && parser.isIntegralNumber()) {
                            exchange.maxTokens(Math.max(parser.getLong(), exchange.maxTokens()));
                        }
                    }
                    default -> readOther(parser, value, other);
                }
            }
        } catch (RuntimeException e) { // also Parsson's refusal of nesting past its limit, a bare RuntimeException
            return StageResult.reject(ProxyError.invalidBody(null, "The request body is not valid JSON."));
        }
        if (model == null || model.isBlank()) {
            return StageResult.reject(ProxyError.invalidBody("model", "'model' is required and must be a string."));
        }
        if (hasControlCharacter(model)) {
            return StageResult.reject(ProxyError.invalidBody("model", "'model' must not contain control characters."));
        }
        exchange.describedAs(model, stream, prompt.toString());
        exchange.otherText(other.toString());
        if (!namesSession) {
            exchange.bodyNamesNoSession();
        }
        return StageResult.proceed();
    }

    /**
     * A field the gateway decides on, given twice: the gateway would check one value and an
     * upstream that reads the other would act on a value never checked.
     */
    private static StageResult duplicate(String field) {
        return StageResult.reject(ProxyError.invalidBody(field, "'" + field + "' must be given only once."));
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The body's text if something decoded it already, else its bytes decoded as they are read. */
    private static Reader reader(Exchange exchange) {
        String decoded = exchange.decodedBodyOrNull();
        return decoded != null ? new StringReader(decoded) : new Utf8Reader(exchange.body());
    }

    /**
     * Collects a bare string, strings listed directly in arrays, and {@code content} / {@code text}
     * strings at any depth below into the prompt; the value's other strings into {@code other}.
     */
    private static void readText(JsonParser parser, Event first, Lines prompt, Lines other) {
        if (first == Event.VALUE_STRING) {
            prompt.add(parser.getString());
            return;
        }
        if (first != Event.START_ARRAY && first != Event.START_OBJECT) {
            return;
        }
        Deque<Boolean> inArray = new ArrayDeque<>();
        inArray.push(first == Event.START_ARRAY);
        String key = null;
        while (!inArray.isEmpty() && parser.hasNext()) {
            Event event = parser.next();
            switch (event) {
                case START_ARRAY -> inArray.push(true);
                case START_OBJECT -> inArray.push(false);
                case END_ARRAY, END_OBJECT -> inArray.pop();
                case KEY_NAME -> key = parser.getString();
                case VALUE_STRING -> {
                    boolean promptText = inArray.peek() || "content".equals(key) || "text".equals(key);
                    (promptText ? prompt : other).add(parser.getString());
                }
                default -> {}
            }
        }
    }

    /** Every string value of a field that holds no prompt text, at any depth. */
    private static void readOther(JsonParser parser, Event first, Lines other) {
        if (first == Event.VALUE_STRING) {
            other.add(parser.getString());
            return;
        }
        int depth = first == Event.START_ARRAY || first == Event.START_OBJECT ? 1 : 0;
        while (depth > 0 && parser.hasNext()) {
            switch (parser.next()) {
                case START_ARRAY, START_OBJECT -> depth++;
                case END_ARRAY, END_OBJECT -> depth--;
                case VALUE_STRING -> other.add(parser.getString());
                default -> {}
            }
        }
    }

    /**
     * Strings joined by newlines. A single one, the usual prompt, is kept as it came rather than
     * copied through a builder that doubles its way up to a long prompt's size and is then copied
     * once more.
     */
    private static final class Lines {
        private String only = "";
        private StringBuilder joined;

        void add(String value) {
            if (value == null) {
                return;
            }
            if (joined == null && only.isEmpty()) {
                only = value;
                return;
            }
            if (joined == null) {
                joined = new StringBuilder(only.length() + 1 + value.length()).append(only);
            }
            joined.append('\n').append(value);
        }

        @Override
        public String toString() {
            return joined == null ? only : joined.toString();
        }
    }
}
