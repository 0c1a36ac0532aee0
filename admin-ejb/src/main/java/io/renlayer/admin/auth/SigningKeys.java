package io.renlayer.admin.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.crypto.MasterKeyProvider;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The keys that sign platform JWTs, with rotation: the newest key signs until it is older than the
 * rotation period, then a new one takes over; retired keys stay in the published key set until the
 * last token they signed has expired, so rotation never signs anybody out. Every node reads the
 * same table, so a token signed on one node verifies on all.
 */
@Stateless
public class SigningKeys {

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @Inject
    private MasterKeyProvider masterKey;

    @EJB
    private AuditLog audit;

    /** The key to sign with now, created or rotated if due. */
    public RSAKey current() {
        List<SigningKey> keys = newestFirst();
        Instant now = Instant.now();
        if (keys.isEmpty() || keys.get(0).getCreatedAt().isBefore(now.minus(GatewaySettings.jwtKeyRotation()))) {
            return privateKey(rotateNow("system")); // due by age: no one asked
        }
        return privateKey(keys.get(0));
    }

    /** Starts a new key now, whatever the age of the current one (an operator suspecting a leak). */
    public SigningKey rotate(Actor actor) {
        actor.requireOperator();
        return rotateNow(actor.name());
    }

    private SigningKey rotateNow(String actor) {
        Instant now = Instant.now();
        newestFirst().stream().filter(k -> k.getRetiredAt() == null).forEach(k -> k.retire(now));
        RSAKey generated = generate();
        SigningKey key = new SigningKey(
                generated.getKeyID(),
                generated.toPublicJWK().toJSONString(),
                masterKey.cipher().encrypt(generated.toJSONString()),
                now);
        em.persist(key);
        audit.record(null, actor, "signing_key.rotate", "signing_key", key.getKid());
        return key;
    }

    /** The public keys a verifier needs: the current one and those whose tokens may still be alive. */
    public String publishedKeySet() {
        Instant oldestAlive = Instant.now().minus(GatewaySettings.jwtLifetime());
        List<JWK> keys = newestFirst().stream()
                .filter(k -> k.getRetiredAt() == null || k.getRetiredAt().isAfter(oldestAlive))
                .map(k -> parse(k.getPublicJwk()))
                .toList();
        return new JWKSet(keys).toString(true);
    }

    private List<SigningKey> newestFirst() {
        return em.createNamedQuery("SigningKey.newestFirst", SigningKey.class).getResultList();
    }

    private RSAKey privateKey(SigningKey key) {
        return (RSAKey) parse(masterKey.cipher().decrypt(key.getPrivateEnc()));
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key is not a JWK", e);
        }
    }
}
