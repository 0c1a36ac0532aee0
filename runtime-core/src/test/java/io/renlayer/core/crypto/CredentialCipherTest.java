package io.renlayer.core.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private final CredentialCipher cipher = new CredentialCipher(key((byte) 7));

    @Test
    void decryptsWhatItEncrypted() {
        byte[] sealed = cipher.encrypt("sk-upstream-123");

        assertThat(new String(sealed, UTF_8)).doesNotContain("sk-upstream-123");
        assertThat(cipher.decrypt(sealed)).isEqualTo("sk-upstream-123");
    }

    @Test
    void usesAFreshNonceEachTime() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void refusesTamperedOrForeignCiphertext() {
        byte[] sealed = cipher.encrypt("sk-upstream-123");
        byte[] tampered = Arrays.copyOf(sealed, sealed.length);
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(CredentialCipher.CredentialDecryptionException.class);
        assertThatThrownBy(() -> new CredentialCipher(key((byte) 8)).decrypt(sealed))
                .isInstanceOf(CredentialCipher.CredentialDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[3]))
                .isInstanceOf(CredentialCipher.CredentialDecryptionException.class);
    }

    @Test
    void requiresA256BitKey() {
        assertThatThrownBy(() -> new CredentialCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
