package io.renlayer.plugins.dlp;

import io.renlayer.spi.dlp.Finding;
import java.util.List;

/** Whether characters are already taken by a finding: a span is reported as one type only. */
final class Overlaps {

    private Overlaps() {}

    /** True when a finding shares a character with [start, end). */
    static boolean any(List<Finding> findings, int start, int end) {
        for (Finding f : findings) {
            if (f.start() < end && start < f.end()) {
                return true;
            }
        }
        return false;
    }
}
