package io.renlayer.proxy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TraceIdsTest {

    @Test
    void areVersion7WithTheRfcVariant() {
        UUID id = TraceIds.next();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void carryTheirCreationTimeInTheFirst48Bits() {
        long millis = 1_764_950_400_123L; // 2025-12-05T16:00:00.123Z
        UUID id = TraceIds.at(millis);
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void sortByCreationTime() {
        UUID earlier = TraceIds.at(1_764_950_400_000L);
        UUID later = TraceIds.at(1_764_950_400_001L);
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void doNotRepeatWithinOneMillisecond() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            ids.add(TraceIds.at(1_764_950_400_000L));
        }
        assertEquals(200_000, ids.size());
    }
}
