package io.renlayer.proxy.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.proxy.error.ProxyError;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonBodyCheckTest {

    private static final byte[] JSON =
            "{\"model\":\"gpt-4o\",\"messages\":[{\"content\":\"héllo 👋\"}]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void jsonMediaTypesAndAMissingContentTypePass() {
        assertThat(problem("application/json", JSON)).isEmpty();
        assertThat(problem("Application/JSON; charset=utf-8", JSON)).isEmpty();
        assertThat(problem("application/vnd.api+json", JSON)).isEmpty();
        assertThat(problem(null, JSON)).isEmpty();
    }

    @Test
    void otherMediaTypesAreRefusedWith415() {
        for (String type : new String[] {
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json+json"
        }) {
            assertThat(problem(type, JSON)).as(type).map(ProxyError::status).contains(415);
        }
    }

    @Test
    void aBodyThatReallySendsTheReplacementCharacterIsValidButOneThatDecodesToItIsNot() {
        byte[] sent = "{\"content\":\"a \uFFFD b\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(problem("application/json", sent)).isEmpty();
        byte[] malformed = "{\"content\":\"a \uFFFD b \"}".getBytes(StandardCharsets.UTF_8);
        malformed[malformed.length - 3] = (byte) 0xC3; // a lead byte, then '"': decodes to U+FFFD as well
        assertThat(problem("application/json", malformed)).map(ProxyError::code).contains("invalid_encoding");
    }

    @Test
    void malformedUtf8IsRefusedAnywhereInALongBody() {
        byte[] body = new byte[5000];
        Arrays.fill(body, (byte) 'a');
        assertThat(JsonBodyCheck.validUtf8(body)).isTrue();
        body[4321] = (byte) 0xC3; // a lead byte followed by ASCII
        assertThat(JsonBodyCheck.validUtf8(body)).isFalse();
        assertThat(problem("application/json", body)).map(ProxyError::code).contains("invalid_encoding");
        assertThat(JsonBodyCheck.validUtf8(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}))
                .as("an encoded surrogate")
                .isFalse();
        assertThat(JsonBodyCheck.validUtf8(new byte[] {(byte) 0xF0, (byte) 0x9F}))
                .as("truncated at the end")
                .isFalse();
        assertThat(problem("application/json", new byte[] {(byte) 0xFF}))
                .map(ProxyError::code)
                .contains("invalid_encoding");
    }

    @Test
    void anAsciiBodyPassesWhereverItsLastBytesFall() {
        for (int length = 0; length < 20; length++) {
            byte[] body = "a".repeat(length).getBytes(StandardCharsets.US_ASCII);
            assertThat(problem("application/json", body))
                    .as("length %d", length)
                    .isEmpty();
            if (length > 0) {
                body[length - 1] = (byte) 0xC3; // a lead byte with nothing after: the word-wise pass must not skip it
                assertThat(problem("application/json", body))
                        .as("length %d", length)
                        .map(ProxyError::code)
                        .contains("invalid_encoding");
            }
        }
    }

    private static Optional<ProxyError> problem(String contentType, byte[] body) {
        return JsonBodyCheck.problem(contentType, body);
    }
}
