package io.renlayer.proxy.inspect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tenant's key for {@code [HASH:…]} redaction: HMAC-SHA256, cut to 48 bits. Unkeyed, a
 * low-entropy value (an employee number, {@code EMP-\d{6}}) was read back from its hash by trying
 * each candidate; keyed, only the gateway can compute it, and two tenants' hashes of one value differ.
 */
public final class RedactionKey {

    private final SecretKeySpec key;

    public RedactionKey(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The first 12 hex digits of the value's HMAC. */
    public String hashPrefix(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
