package io.renlayer.spi.upstream;

import io.renlayer.spi.Experimental;
import java.util.Objects;

/**
 * What a provider read from a call: what the gateway decides on (model, streaming, token cap) and
 * the text its detectors and policies inspect.
 *
 * @since 1.1
 */
@Experimental("providers owning their dialect are new in 1.1")
public final class ModelRequest {

    private final String model;
    private final boolean stream;
    private final String promptText;
    private final String otherText;
    private final long maxTokens;

    private ModelRequest(String model, boolean stream, String promptText, String otherText, long maxTokens) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.stream = stream;
        this.promptText = Objects.requireNonNull(promptText, "promptText is null");
        this.otherText = Objects.requireNonNull(otherText, "otherText is null");
        this.maxTokens = maxTokens;
    }

    /**
     * @param promptText every piece of text the caller sends the model, joined by newlines: what
     *     detectors scan and policies judge
     */
    public static ModelRequest of(String model, boolean stream, String promptText) {
        return new ModelRequest(model, stream, promptText, "", 0);
    }

    /** The request's other string values (roles, tool definitions), scanned for the stored trace. */
    public ModelRequest withOtherText(String otherText) {
        return new ModelRequest(model, stream, promptText, otherText, maxTokens);
    }

    /** The largest answer the caller asks for, in tokens; 0 when it sets none. */
    public ModelRequest withMaxTokens(long maxTokens) {
        return new ModelRequest(model, stream, promptText, otherText, maxTokens);
    }

    public String model() {
        return model;
    }

    public boolean stream() {
        return stream;
    }

    public String promptText() {
        return promptText;
    }

    public String otherText() {
        return otherText;
    }

    public long maxTokens() {
        return maxTokens;
    }

    @Override
    public String toString() {
        return "ModelRequest[model=" + model + ", stream=" + stream + ", prompt length=" + promptText.length() + "]";
    }
}
