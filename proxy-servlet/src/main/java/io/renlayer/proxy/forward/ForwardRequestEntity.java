package io.renlayer.proxy.forward;

import io.renlayer.spi.upstream.ForwardRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A prepared call's body as the HTTP client's entity, written straight from the request: a
 * {@code ByteArrayEntity} would need {@link ForwardRequest#body()}, a copy of the whole body per
 * call (32 KiB for a long prompt) made only to be sent.
 */
final class ForwardRequestEntity extends AbstractHttpEntity {

    private final ForwardRequest request;

    ForwardRequestEntity(ForwardRequest request) {
        super((String) null, null, false);
        this.request = request;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        request.writeBodyTo(out);
    }

    /** Only for a client that reads the entity instead of writing it; the gateway's does not. */
    @Override
    public InputStream getContent() {
        return new ByteArrayInputStream(request.body());
    }

    @Override
    public long getContentLength() {
        return request.bodyLength();
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing held
    }
}
