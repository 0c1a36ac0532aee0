package io.renlayer.proxy.forward;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.spi.upstream.ForwardRequest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ForwardRequestEntityTest {

    @Test
    void sendsThePreparedBodyAsItIsAndCanSendItAgain() throws Exception {
        byte[] body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"héllo\"}]}".getBytes(UTF_8);
        ForwardRequestEntity entity = new ForwardRequestEntity(
                ForwardRequest.of("POST", URI.create("http://upstream/v1/chat/completions"), body));

        for (int attempt = 0; attempt < 2; attempt++) { // repeatable: a retry writes it again
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            entity.writeTo(sent);
            assertThat(sent.toByteArray()).isEqualTo(body);
        }
        assertThat(entity.getContentLength()).isEqualTo(body.length);
        assertThat(entity.isRepeatable()).isTrue();
        assertThat(entity.getContent().readAllBytes()).isEqualTo(body);
    }
}
