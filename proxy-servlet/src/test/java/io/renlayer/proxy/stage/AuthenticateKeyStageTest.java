package io.renlayer.proxy.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.core.identity.AccessTokenVerifier;
import io.renlayer.core.keys.KeyScopes;
import io.renlayer.core.keys.SecretHash;
import io.renlayer.core.keys.VirtualKey;
import io.renlayer.core.runtime.KeySnapshot;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthenticateKeyStageTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    /** No OAuth client is bound to a key, and no identity provider may be fetched from. */
    private static final AgentTokens TOKENS_NEVER_BOUND = new AgentTokens(
            client -> Optional.empty(),
            new AccessTokenVerifier(
                    url -> {
                        throw new IOException("this test fetches nothing");
                    },
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    Duration.ZERO));

    private final VirtualKey key = VirtualKey.generate();
    private final Map<String, KeySnapshot> records = new HashMap<>();
    private final AuthenticateKeyStage stage = new AuthenticateKeyStage(
            p -> Optional.ofNullable(records.get(p)), TOKENS_NEVER_BOUND, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void admitsAValidKeyAndRemembersWhoCalled() {
        KeySnapshot record = store(false, null, null);
        Exchange exchange = exchange("Bearer " + key.reveal());

        assertThat(stage.apply(exchange).rejection()).isEmpty();
        assertThat(exchange.key()).isEqualTo(record);
    }

    @Test
    void acceptsTheAnthropicHeaderToo() {
        store(false, null, null);
        Exchange exchange = new Exchange("req", "POST", "/v1/messages", Map.of("x-api-key", key.reveal()), new byte[0]);
        assertThat(stage.apply(exchange).rejection()).isEmpty();
    }

    @Test
    void refusesMissingMalformedUnknownAndWrongSecretKeys() {
        store(false, null, null);
        VirtualKey samePrefixOtherSecret = VirtualKey.parse(
                        key.reveal().substring(0, key.reveal().length() - 1)
                                + (key.secret().endsWith("a") ? "b" : "a"))
                .orElseThrow();

        assertThat(code(exchange(null))).isEqualTo("missing_api_key");
        assertThat(code(exchange("Basic abc"))).isEqualTo("missing_api_key");
        assertThat(code(exchange("Bearer sk-real-openai-key"))).isEqualTo("invalid_api_key");
        assertThat(code(exchange("Bearer " + VirtualKey.generate().reveal()))).isEqualTo("invalid_api_key");
        assertThat(code(exchange("Bearer " + samePrefixOtherSecret.reveal()))).isEqualTo("invalid_api_key");
    }

    @Test
    void refusesRevokedExpiredAndDisabledKeysWithTheirOwnStatus() {
        store(false, NOW.minusSeconds(1), null);
        assertThat(rejection(exchange("Bearer " + key.reveal())))
                .extracting(ProxyError::status, ProxyError::code)
                .containsExactly(401, "key_revoked");

        store(false, null, NOW);
        assertThat(rejection(exchange("Bearer " + key.reveal())))
                .extracting(ProxyError::status, ProxyError::code)
                .containsExactly(401, "key_expired");

        store(true, null, NOW.plusSeconds(60));
        assertThat(rejection(exchange("Bearer " + key.reveal())))
                .extracting(ProxyError::status, ProxyError::code)
                .containsExactly(403, "key_disabled");
    }

    @Test
    void aRefusedKnownKeyIsStillIdentifiedForTheTrace() {
        KeySnapshot record = store(true, null, null);
        Exchange exchange = exchange("Bearer " + key.reveal());

        assertThat(stage.apply(exchange).rejection()).isPresent();
        assertThat(exchange.key()).isEqualTo(record);
    }

    @Test
    void aWrongSecretIdentifiesNobody() {
        store(false, null, null);
        Exchange exchange =
                exchange("Bearer " + key.reveal().substring(0, key.reveal().length() - 1)
                        + (key.secret().endsWith("a") ? "b" : "a"));

        assertThat(stage.apply(exchange).rejection()).isPresent();
        assertThat(exchange.key()).isNull();
    }

    @Test
    void aRotatedOutSecretWorksOnlyDuringItsGracePeriod() {
        VirtualKey rotated = VirtualKey.withPrefix(key.prefix());
        Exchange withOld = exchange("Bearer " + key.reveal());
        Exchange withNew = exchange("Bearer " + rotated.reveal());

        store(
                new KeySnapshot.Secrets(
                        SecretHash.of(rotated.secret()), SecretHash.of(key.secret()), NOW.plusSeconds(1)),
                false,
                null,
                null);
        assertThat(stage.apply(withOld).rejection()).isEmpty();
        assertThat(stage.apply(withNew).rejection()).isEmpty();

        store(
                new KeySnapshot.Secrets(SecretHash.of(rotated.secret()), SecretHash.of(key.secret()), NOW),
                false,
                null,
                null);
        assertThat(stage.apply(exchange("Bearer " + key.reveal())).rejection())
                .map(ProxyError::code)
                .contains("invalid_api_key");
        assertThat(stage.apply(exchange("Bearer " + rotated.reveal())).rejection())
                .isEmpty();
    }

    @Test
    void aKeyBoundToAnOAuthClientHasNoSecretThatMatches() {
        store(new KeySnapshot.Secrets(null, null, null), false, null, null);

        assertThat(stage.apply(exchange("Bearer " + key.reveal())).rejection())
                .map(ProxyError::code)
                .contains("invalid_api_key");
    }

    @Test
    void aJwtOfNoBoundClientIsRefusedAsAnAccessTokenWithoutFetchingAnything() {
        // {"alg":"RS256"} . {"iss":"https://idp.example","azp":"stranger"} . signature
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlIiwiYXpwIjoic3RyYW5nZXIifQ.c2ln";
        Exchange exchange = exchange("Bearer " + jwt);

        ProxyError error = stage.apply(exchange).rejection().orElseThrow();

        assertThat(error.status()).isEqualTo(401);
        assertThat(error.code()).isEqualTo("invalid_access_token");
        assertThat(error.message()).contains("no agent is bound").doesNotContain("stranger");
        assertThat(exchange.key()).isNull();
    }

    @Test
    void aHugeOrDeeplyNestedJwtIsRefusedAsMalformedOrUnbound() {
        String huge = "eyJ" + "A".repeat(200_000) + ".e30.c2ln";
        assertThat(stage.apply(exchange("Bearer " + huge)).rejection())
                .map(ProxyError::code)
                .contains("invalid_access_token");
        String nested =
                "{\"iss\":\"https://idp.example\",\"azp\":\"x\",\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        String jwt = "eyJhbGciOiJSUzI1NiJ9."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nested.getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
        assertThat(stage.apply(exchange("Bearer " + jwt)).rejection())
                .map(ProxyError::code)
                .contains("invalid_access_token");
    }

    @Test
    void aJwtThatDoesNotParseIsMalformed() {
        assertThat(stage.apply(exchange("Bearer eyJ.not-a-jwt.at-all")).rejection())
                .map(ProxyError::message)
                .hasValueSatisfying(m -> assertThat(m).contains("not a signed JWT"));
    }

    @Test
    void errorsNeverEchoTheKey() {
        store(true, null, null);
        assertThat(rejection(exchange("Bearer " + key.reveal())).message()).doesNotContain(key.secret(), key.prefix());
    }

    private KeySnapshot store(boolean disabled, Instant revokedAt, Instant expiresAt) {
        return store(KeySnapshot.Secrets.of(SecretHash.of(key.secret())), disabled, revokedAt, expiresAt);
    }

    private KeySnapshot store(KeySnapshot.Secrets secrets, boolean disabled, Instant revokedAt, Instant expiresAt) {
        KeySnapshot record = TestKeys.of(
                UUID.randomUUID(),
                secrets,
                disabled,
                revokedAt,
                expiresAt,
                KeyScopes.UNRESTRICTED,
                KeySnapshot.TenantSettings.DEFAULTS);
        records.put(key.prefix(), record);
        return record;
    }

    private static Exchange exchange(String authorization) {
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return new Exchange("req", "POST", "/v1/chat/completions", headers, new byte[0]);
    }

    private ProxyError rejection(Exchange exchange) {
        return stage.apply(exchange).rejection().orElseThrow();
    }

    private String code(Exchange exchange) {
        return rejection(exchange).code();
    }
}
