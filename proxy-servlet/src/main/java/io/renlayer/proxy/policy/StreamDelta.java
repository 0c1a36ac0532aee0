package io.renlayer.proxy.policy;

import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The piece of answer text a streamed event carries, in the dialects the gateway relays: OpenAI
 * chat ({@code choices[0].delta.content}, last when {@code finish_reason} is set), OpenAI Responses
 * ({@code response.output_text.delta}) and Anthropic ({@code content_block_delta} text). Events
 * that end a text (Anthropic {@code content_block_stop}, Responses {@code output_text.done}) are
 * {@link #closes closing} ones: held text must go out before them.
 */
record StreamDelta(String text, boolean last, Kind kind, JsonObject event) {

    enum Kind {
        OPENAI_CHAT,
        OPENAI_RESPONSES,
        ANTHROPIC
    }

    static StreamDelta of(JsonObject event) {
        JsonValue choices = event.get("choices");
        if (choices instanceof JsonArray array
                && !array.isEmpty()
                && array.get(0) instanceof JsonObject choice
                && choice.get("delta") instanceof JsonObject delta) {
            String text = delta.get("content") instanceof JsonString s ? s.getString() : "";
            boolean last = choice.containsKey("finish_reason") && !choice.isNull("finish_reason");
            return new StreamDelta(text, last, Kind.OPENAI_CHAT, event);
        }
        String type = event.get("type") instanceof JsonString s ? s.getString() : "";
        if (type.equals("response.output_text.delta") && event.get("delta") instanceof JsonString d) {
            return new StreamDelta(d.getString(), false, Kind.OPENAI_RESPONSES, event);
        }
        if (type.equals("content_block_delta")
                && event.get("delta") instanceof JsonObject d
                && d.get("text") instanceof JsonString t) {
            return new StreamDelta(t.getString(), false, Kind.ANTHROPIC, event);
        }
        return null;
    }

    /** True for an event after which no more text of the current block comes. */
    static boolean closes(JsonObject event) {
        String type = event.get("type") instanceof JsonString s ? s.getString() : "";
        return type.equals("content_block_stop")
                || type.equals("response.output_text.done")
                || type.equals("message_stop")
                || type.equals("response.completed");
    }

    /** The same kind of event, marked last, for releasing what is held. */
    StreamDelta last(String text) {
        return new StreamDelta(text, true, kind, event);
    }

    /** This event carrying {@code replacement} as its text instead. */
    JsonObject withText(String replacement) {
        return switch (kind) {
            case OPENAI_CHAT -> {
                JsonArray choices = event.getJsonArray("choices");
                JsonObject choice = choices.getJsonObject(0);
                JsonObject delta = Jsonp.createObjectBuilder(choice.getJsonObject("delta"))
                        .add("content", replacement)
                        .build();
                yield Jsonp.createObjectBuilder(event)
                        .add(
                                "choices",
                                Jsonp.createArrayBuilder(choices)
                                        .set(
                                                0,
                                                Jsonp.createObjectBuilder(choice)
                                                        .add("delta", delta)))
                        .build();
            }
            case OPENAI_RESPONSES ->
                Jsonp.createObjectBuilder(event).add("delta", replacement).build();
            case ANTHROPIC ->
                Jsonp.createObjectBuilder(event)
                        .add(
                                "delta",
                                Jsonp.createObjectBuilder(event.getJsonObject("delta"))
                                        .add("text", replacement))
                        .build();
        };
    }
}
