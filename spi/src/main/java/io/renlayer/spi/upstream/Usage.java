package io.renlayer.spi.upstream;

import java.util.Objects;

/**
 * Token counts of one upstream call. A count that the upstream did not report is {@code -1}.
 *
 * <p>Immutable. A final class rather than a record so that adding a field later does not break
 * plugins compiled against this version.
 */
public final class Usage {

    /** Nothing reported. */
    public static final Usage UNKNOWN = new Usage(-1, -1);

    private final long promptTokens;
    private final long completionTokens;

    private Usage(long promptTokens, long completionTokens) {
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
    }

    /** Usage with the given counts; pass {@code -1} for a count that was not reported. */
    public static Usage of(long promptTokens, long completionTokens) {
        if (promptTokens < -1 || completionTokens < -1) {
            throw new IllegalArgumentException("token counts must be >= -1");
        }
        return promptTokens == -1 && completionTokens == -1 ? UNKNOWN : new Usage(promptTokens, completionTokens);
    }

    public long promptTokens() {
        return promptTokens;
    }

    public long completionTokens() {
        return completionTokens;
    }

    /** Sum of the known counts, or {@code -1} when neither is known. */
    public long totalTokens() {
        if (this == UNKNOWN) {
            return -1;
        }
        return Math.max(promptTokens, 0) + Math.max(completionTokens, 0);
    }

    public boolean isKnown() {
        return promptTokens >= 0 || completionTokens >= 0;
    }

    /**
     * Combines partial reports, as streamed dialects send prompt and completion counts in different
     * events: each count of {@code later} wins where it is known.
     */
    public Usage merge(Usage later) {
        return of(
                later.promptTokens >= 0 ? later.promptTokens : promptTokens,
                later.completionTokens >= 0 ? later.completionTokens : completionTokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Usage u && u.promptTokens == promptTokens && u.completionTokens == completionTokens;
    }

    @Override
    public int hashCode() {
        return Objects.hash(promptTokens, completionTokens);
    }

    @Override
    public String toString() {
        return "Usage[prompt=" + promptTokens + ", completion=" + completionTokens + "]";
    }
}
