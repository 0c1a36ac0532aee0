package io.renlayer.core.crypto;

import io.renlayer.core.config.GatewaySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Supplies the credential cipher. The master key comes from {@code RENLAYER_MASTER_KEY}; without
 * it (development), a key is generated once into an owner-only file beside the server.
 */
@ApplicationScoped
public class MasterKeyProvider {

    private static final Logger LOG = Logger.getLogger(MasterKeyProvider.class.getName());

    private CredentialCipher cipher;
    private byte[] raw;

    @PostConstruct
    void init() {
        byte[] raw = GatewaySettings.masterKey()
                .map(b64 -> Base64.getDecoder().decode(b64.trim()))
                .orElseGet(() -> fromFile(GatewaySettings.masterKeyFile()));
        cipher = new CredentialCipher(raw);
        this.raw = raw.clone();
    }

    /**
     * A key for one purpose (HMAC-SHA256 of the purpose under the master key), so that no other
     * use ever holds the master key itself: e.g. {@code "redaction-hash/<tenant>"}.
     */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public CredentialCipher cipher() {
        return cipher;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Files.writeString(file, Base64.getEncoder().encodeToString(raw), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException nonPosix) {
                // Best effort on file systems without POSIX permissions.
            }
            LOG.warning("RENLAYER_MASTER_KEY is not set: generated a master key in " + file
                    + ". Set RENLAYER_MASTER_KEY in production.");
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }
}
