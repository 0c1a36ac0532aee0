package io.renlayer.spi.dlp;

import java.util.Objects;

/**
 * One span of sensitive content: its type (e.g. {@code EMAIL_ADDRESS}), where it is
 * ({@code start} inclusive, {@code end} exclusive, in UTF-16 chars of the scanned text), and how sure
 * the detector is (0 to 1). Holds no copy of the text itself. Immutable.
 */
public final class Finding {

    private final String type;
    private final int start;
    private final int end;
    private final double confidence;

    private Finding(String type, int start, int end, double confidence) {
        this.type = type;
        this.start = start;
        this.end = end;
        this.confidence = confidence;
    }

    /**
     * @throws IllegalArgumentException when the type is blank, the span is empty or inverted, or the
     *     confidence is outside {@code [0, 1]}
     */
    public static Finding of(String type, int start, int end, double confidence) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type is required");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") is empty or negative");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence " + confidence + " is outside [0, 1]");
        }
        return new Finding(type, start, end, confidence);
    }

    public String type() {
        return type;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public double confidence() {
        return confidence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f
                && f.type.equals(type)
                && f.start == start
                && f.end == end
                && Double.compare(f.confidence, confidence) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, start, end, confidence);
    }

    @Override
    public String toString() {
        return type + "[" + start + "," + end + ")@" + confidence;
    }
}
