package io.renlayer.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.proxy.error.ProxyError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyCheckTest {

    private static final byte[] JSON = "{\"model\":\"gpt-4o\",\"messages\":[{\"content\":\"héllo 👋\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void jsonMediaTypesAndAMissingContentTypePass() {
        assertThat(JsonBodyCheck.problem("application/json", JSON)).isEmpty();
        assertThat(JsonBodyCheck.problem("Application/JSON; charset=utf-8", JSON)).isEmpty();
        assertThat(JsonBodyCheck.problem("application/vnd.api+json", JSON)).isEmpty();
        assertThat(JsonBodyCheck.problem(null, JSON)).isEmpty();
    }

    @Test
    void otherMediaTypesAreRefusedWith415() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/json+json"}) {
            assertThat(JsonBodyCheck.problem(type, JSON)).as(type).map(ProxyError::status).contains(415);
        }
    }

    @Test
    void malformedUtf8IsRefusedAnywhereInALongBody() {
        byte[] body = new byte[5000];
        java.util.Arrays.fill(body, (byte) 'a');
        assertThat(JsonBodyCheck.validUtf8(body)).isTrue();
        body[4321] = (byte) 0xC3; // a lead byte followed by ASCII
        assertThat(JsonBodyCheck.validUtf8(body)).isFalse();
        assertThat(JsonBodyCheck.validUtf8(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}))
                .as("an encoded surrogate").isFalse();
        assertThat(JsonBodyCheck.validUtf8(new byte[] {(byte) 0xF0, (byte) 0x9F})).as("truncated at the end").isFalse();
        assertThat(JsonBodyCheck.problem("application/json", new byte[] {(byte) 0xFF}))
                .map(ProxyError::code).contains("invalid_encoding");
    }
}
