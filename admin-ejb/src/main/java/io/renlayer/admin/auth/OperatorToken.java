package io.renlayer.admin.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A platform operator's API token, held as a hash. */
@Entity
@Table(name = "operator_tokens")
@NamedQuery(
        name = "OperatorToken.activeByHash",
        query = "select t from OperatorToken t where t.tokenHash = :hash and t.revokedAt is null")
@NamedQuery(name = "OperatorToken.count", query = "select count(t) from OperatorToken t")
@NamedQuery(
        name = "OperatorToken.countActive",
        query = "select count(t) from OperatorToken t where t.revokedAt is null")
@NamedQuery(name = "OperatorToken.all", query = "select t from OperatorToken t order by t.createdAt, t.id")
public class OperatorToken {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    private byte[] tokenHash;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OperatorToken() {}

    OperatorToken(String name, byte[] tokenHash) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When it stopped working; null while it works. */
    public Instant getRevokedAt() {
        return revokedAt;
    }

    void revoke(Instant at) {
        revokedAt = at;
    }
}
