package io.renlayer.proxy.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseEventRewriterTest {

    private final SseEventRewriter rewriter = new SseEventRewriter(String::toUpperCase);

    @Test
    void emitsEachEventRewrittenAsSoonAsItIsComplete() {
        assertThat(feed("event: message\r\nid: 7\r\ndata: {\"a\"")).isEmpty();
        assertThat(feed(":1}\r\n\r\ndata: second")).isEqualTo("event: message\nid: 7\ndata: {\"A\":1}\n\n");
        assertThat(feed("\n\n")).isEqualTo("data: SECOND\n\n");
    }

    @Test
    void keepsMultiLineDataAsSeveralDataLines() {
        assertThat(feed("data: one\ndata: two\n\n")).isEqualTo("data: ONE\ndata: TWO\n\n");
    }

    @Test
    void flushesAnUnterminatedLastEventAtTheEnd() {
        assertThat(feed("data: tail")).isEmpty();
        assertThat(new String(rewriter.finish(), StandardCharsets.UTF_8)).isEqualTo("data: TAIL\n\n");
    }

    @Test
    void saysHowMuchOfAnUnfinishedEventItHolds() {
        feed("event: message\ndata: abc\ndata: de");
        assertThat(rewriter.held()).isEqualTo("event: message".length() + "abc".length() + "data: de".length());
        feed("\n\n");
        assertThat(rewriter.held()).isZero();
        feed("data: " + "x".repeat(10_000));
        assertThat(rewriter.held()).isEqualTo(10_006);
    }

    private String feed(String chunk) {
        return new String(
                rewriter.feed(ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8))), StandardCharsets.UTF_8);
    }
}
