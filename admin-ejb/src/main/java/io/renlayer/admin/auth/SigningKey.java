package io.renlayer.admin.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One RSA key that signs platform JWTs: its public JWK in clear, its private JWK encrypted at rest. */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = "SigningKey.newestFirst", query = "SELECT k FROM SigningKey k ORDER BY k.createdAt DESC")
public class SigningKey {

    @Id
    private String kid;

    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;

    @Column(name = "private_enc", nullable = false)
    private byte[] privateEnc;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {}

    SigningKey(String kid, String publicJwk, byte[] privateEnc, Instant createdAt) {
        this.kid = kid;
        this.publicJwk = publicJwk;
        this.privateEnc = privateEnc;
        this.createdAt = createdAt;
    }

    public String getKid() {
        return kid;
    }

    public String getPublicJwk() {
        return publicJwk;
    }

    byte[] getPrivateEnc() {
        return privateEnc;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }

    void retire(Instant at) {
        retiredAt = at;
    }
}
