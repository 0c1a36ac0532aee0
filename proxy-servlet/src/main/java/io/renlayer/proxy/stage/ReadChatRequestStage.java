package io.renlayer.proxy.stage;

import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;

/**
 * Reads a chat completion request once, with a streaming parser: the model, the stream flag, and
 * the prompt text (every message's text content, joined by newlines) that detectors and policies
 * inspect. Nothing else of the body is materialised.
 */
public final class ReadChatRequestStage implements Stage {

    @Override
    public StageResult apply(Exchange exchange) {
        String model = null;
        boolean stream = false;
        StringBuilder prompt = new StringBuilder();
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(exchange.body()))) {
            if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
                return StageResult.reject(ProxyError.invalidBody(null, "The request body must be a JSON object."));
            }
            while (parser.hasNext()) {
                if (parser.next() != Event.KEY_NAME) {
                    continue; // the top level's END_OBJECT
                }
                String field = parser.getString();
                Event value = parser.next();
                switch (field) {
                    case "model" -> model = value == Event.VALUE_STRING ? parser.getString() : null;
                    case "stream" -> stream = value == Event.VALUE_TRUE;
                    case "messages" -> readMessages(parser, value, prompt);
                    case "max_tokens", "max_completion_tokens" -> {
                        if (value == Event.VALUE_NUMBER && parser.isIntegralNumber()) {
                            exchange.maxTokens(Math.max(parser.getLong(), exchange.maxTokens()));
                        }
                    }
                    default -> skip(parser, value);
                }
            }
        } catch (JsonParsingException | IllegalStateException e) {
            return StageResult.reject(ProxyError.invalidBody(null, "The request body is not valid JSON."));
        }
        if (model == null || model.isBlank()) {
            return StageResult.reject(ProxyError.invalidBody("model", "'model' is required and must be a string."));
        }
        exchange.describedAs(model, stream, prompt.toString());
        return StageResult.proceed();
    }

    /** Collects {@code content} strings and {@code text} parts at any depth of the messages. */
    private static void readMessages(JsonParser parser, Event first, StringBuilder prompt) {
        if (first != Event.START_ARRAY) {
            skip(parser, first);
            return;
        }
        int depth = 1;
        String key = null;
        while (depth > 0 && parser.hasNext()) {
            Event event = parser.next();
            switch (event) {
                case START_ARRAY, START_OBJECT -> depth++;
                case END_ARRAY, END_OBJECT -> depth--;
                case KEY_NAME -> key = parser.getString();
                case VALUE_STRING -> {
                    if ("content".equals(key) || "text".equals(key)) {
                        if (!prompt.isEmpty()) {
                            prompt.append('\n');
                        }
                        prompt.append(parser.getString());
                    }
                }
                default -> { }
            }
        }
    }

    private static void skip(JsonParser parser, Event value) {
        if (value == Event.START_OBJECT) {
            parser.skipObject();
        } else if (value == Event.START_ARRAY) {
            parser.skipArray();
        }
    }
}
