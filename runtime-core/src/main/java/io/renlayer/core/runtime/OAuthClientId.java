package io.renlayer.core.runtime;

/** An OAuth client as its access tokens name it: the issuer and the client id. */
public record OAuthClientId(String issuer, String clientId) {}
