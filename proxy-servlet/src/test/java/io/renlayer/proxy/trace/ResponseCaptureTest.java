package io.renlayer.proxy.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseCaptureTest {

    @Test
    void keepsTheBeginningWithoutMovingTheRelaysBuffer() {
        ResponseCapture capture = new ResponseCapture();
        ByteBuffer chunk = ByteBuffer.wrap("data: hello\n\n".getBytes(StandardCharsets.UTF_8));
        capture.see(chunk);

        assertThat(chunk.position()).isZero();
        assertThat(capture.text()).isEqualTo("data: hello\n\n");
        assertThat(capture.truncated()).isFalse();

        capture.see(ByteBuffer.allocate(ResponseCapture.LIMIT));
        assertThat(capture.truncated()).isTrue();
        assertThat(capture.text().length()).isEqualTo(ResponseCapture.LIMIT);
    }
}
