package io.renlayer.proxy.stage;

import io.renlayer.core.identity.PresentedToken;
import io.renlayer.core.identity.TokenRefusedException;
import io.renlayer.core.keys.SecretHash;
import io.renlayer.core.keys.VirtualKey;
import io.renlayer.core.runtime.KeySnapshot;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Authenticates the virtual key: prefix lookup in the cache, constant-time hash comparison, then
 * the key's state. The secret is verified before any state is revealed, so knowing a prefix tells
 * an attacker nothing. Where a JWT is presented instead, it is the access token of an OAuth client
 * bound to a key ({@link AgentTokens}); from then on the call is that key's, state checks included.
 */
public final class AuthenticateKeyStage implements Stage {

    static final String OAUTH_CLIENT_FLAG = "oauth_client:";

    private final Function<String, Optional<KeySnapshot>> keysByPrefix;
    private final AgentTokens agentTokens;
    private final Clock clock;

    public AuthenticateKeyStage(
            Function<String, Optional<KeySnapshot>> keysByPrefix, AgentTokens agentTokens, Clock clock) {
        this.keysByPrefix = keysByPrefix;
        this.agentTokens = agentTokens;
        this.clock = clock;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        String presented = presentedKey(exchange);
        if (presented == null) {
            return StageResult.reject(ProxyError.missingKey());
        }
        Optional<VirtualKey> parsed = VirtualKey.parse(presented);
        KeySnapshot snapshot;
        if (parsed.isPresent()) {
            VirtualKey key = parsed.get();
            Optional<KeySnapshot> record = keysByPrefix.apply(key.prefix());
            if (record.isEmpty() || !secretMatches(key.secret(), record.get().secrets())) {
                return StageResult.reject(ProxyError.invalidKey());
            }
            snapshot = record.get();
        } else if (PresentedToken.looksLikeJwt(presented)) {
            try {
                snapshot = agentTokens.authenticate(presented);
            } catch (TokenRefusedException e) {
                return StageResult.reject(ProxyError.refusedToken(e.reason()));
            }
            // The trace names the client whose token made the call, beside the key and agent it is bound to.
            exchange.flag(OAUTH_CLIENT_FLAG + snapshot.oauthClient().clientId());
        } else {
            return StageResult.reject(ProxyError.invalidKey());
        }
        // The credential matched: the caller is known even if refused below, so the refusal is traced.
        exchange.identifiedAs(snapshot);
        if (snapshot.revokedAt() != null) {
            return StageResult.reject(ProxyError.revokedKey());
        }
        if (snapshot.expiresAt() != null && !clock.instant().isBefore(snapshot.expiresAt())) {
            return StageResult.reject(ProxyError.expiredKey());
        }
        if (snapshot.disabled()) {
            return StageResult.reject(ProxyError.disabledKey());
        }
        return StageResult.proceed();
    }

    /**
     * The current secret, or the previous one while its rotation grace lasts. A key bound to an
     * OAuth client has no secret, and no text matches it.
     */
    private boolean secretMatches(String secret, KeySnapshot.Secrets secrets) {
        if (secrets.current() == null) {
            return false;
        }
        if (SecretHash.matches(secret, secrets.current())) {
            return true;
        }
        return secrets.previous() != null
                && secrets.previousValidUntil() != null
                && clock.instant().isBefore(secrets.previousValidUntil())
                && SecretHash.matches(secret, secrets.previous());
    }

    /**
     * {@code Authorization: Bearer ...} (OpenAI clients), {@code x-api-key} (Anthropic clients) or
     * {@code x-goog-api-key} (Google's). Never a query parameter: URLs end up in logs.
     */
    private static String presentedKey(Exchange exchange) {
        String authorization = exchange.header("authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String apiKey = exchange.header("x-api-key");
        if (apiKey == null) {
            apiKey = exchange.header("x-goog-api-key");
        }
        return apiKey == null ? null : apiKey.strip();
    }
}
