package io.renlayer.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

    /** RFC 6238 appendix B, SHA-1 key, truncated to the six digits authenticator apps show. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(OneTimeCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(OneTimeCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109)))
                .isEqualTo("081804");
        assertThat(OneTimeCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890)))
                .isEqualTo("005924");
        assertThat(OneTimeCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000)))
                .isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfDriftButNotTwoAndNeverTheSameStepTwice() {
        Instant now = Instant.ofEpochSecond(1_800_000_015);
        long step = now.getEpochSecond() / 30;
        String current = OneTimeCodes.codeAt(RFC_SECRET, now);
        String previous = OneTimeCodes.codeAt(RFC_SECRET, now.minusSeconds(30));
        String tooOld = OneTimeCodes.codeAt(RFC_SECRET, now.minusSeconds(60));

        assertThat(OneTimeCodes.matchingStep(RFC_SECRET, current, now, null)).hasValue(step);
        assertThat(OneTimeCodes.matchingStep(RFC_SECRET, previous, now, null)).hasValue(step - 1);
        assertThat(OneTimeCodes.matchingStep(RFC_SECRET, tooOld, now, null)).isEmpty();
        assertThat(OneTimeCodes.matchingStep(RFC_SECRET, current, now, step)).isEmpty();
        assertThat(OneTimeCodes.matchingStep(RFC_SECRET, "12345", now, null)).isEmpty();
        assertThat(OneTimeCodes.matchingStep(RFC_SECRET, null, now, null)).isEmpty();
    }

    @Test
    void theEnrolmentUriFollowsTheKeyUriFormat() {
        String uri = OneTimeCodes.otpauthUri("RenLayer", "ann+ops@example.com", RFC_SECRET);
        assertThat(uri)
                .isEqualTo("otpauth://totp/RenLayer:ann%2Bops%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=RenLayer&algorithm=SHA1&digits=6&period=30");
    }
}
