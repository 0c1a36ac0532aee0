package io.renlayer.proxy.error;

import io.renlayer.core.identity.TokenRefusedException;
import io.renlayer.proxy.limits.Micros;
import io.renlayer.proxy.limits.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal or failure the caller sees, in OpenAI's error vocabulary. Messages never contain keys,
 * credentials or prompt text.
 */
public record ProxyError(
        int status, String type, String code, String param, String message, Map<String, String> headers) {

    public ProxyError(int status, String type, String code, String param, String message) {
        this(status, type, code, param, message, Map.of());
    }

    /**
     * 429 with {@code Retry-After} and OpenAI's {@code x-ratelimit-*} headers for the rule that
     * refused; {@code param} names the rule and the scope level.
     */
    public static ProxyError rateLimited(Refusal refusal) {
        String unit = switch (refusal.rule()) {
            case "requests_per_minute" -> "requests";
            case "tokens_per_minute" -> "tokens";
            default -> "budget-usd";
        };
        boolean budget = unit.equals("budget-usd");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("retry-after", Long.toString(Math.max(1, (refusal.retryAfterMillis() + 999) / 1000)));
        headers.put(
                "x-ratelimit-limit-" + unit,
                budget ? Micros.toUsd(refusal.limit()).toPlainString() : Long.toString(refusal.limit()));
        headers.put(
                "x-ratelimit-remaining-" + unit,
                budget ? Micros.toUsd(refusal.remaining()).toPlainString() : Long.toString(refusal.remaining()));
        headers.put("x-ratelimit-reset-" + unit, (refusal.retryAfterMillis() + 999) / 1000 + "s");
        String what = budget ? "budget" : "rate limit";
        return new ProxyError(
                429,
                budget ? "insufficient_quota" : "rate_limit_exceeded",
                budget ? "budget_exceeded" : "rate_limit_exceeded",
                refusal.level() + "." + refusal.rule(),
                "The " + refusal.level() + "'s " + refusal.rule().replace('_', ' ') + " " + what
                        + " is reached; retry after the time in Retry-After.",
                Map.copyOf(headers));
    }

    public static ProxyError limitsUnavailable() {
        return new ProxyError(
                503,
                "api_error",
                "limits_unavailable",
                null,
                "Limit counters are unavailable, and this tenant refuses calls it cannot count.");
    }

    public static ProxyError missingKey() {
        return new ProxyError(
                401,
                "invalid_request_error",
                "missing_api_key",
                null,
                "No API key provided. Send 'Authorization: Bearer rk_live_...'.");
    }

    public static ProxyError invalidKey() {
        return new ProxyError(401, "invalid_request_error", "invalid_api_key", null, "Incorrect API key provided.");
    }

    /** An identity provider's access token that was refused; a provider that cannot be reached is not the caller's fault. */
    public static ProxyError refusedToken(TokenRefusedException.Reason reason) {
        if (reason == TokenRefusedException.Reason.KEYS_UNAVAILABLE) {
            return new ProxyError(
                    503,
                    "api_error",
                    "identity_provider_unavailable",
                    null,
                    "The access token could not be verified: " + reason.message() + ".");
        }
        return new ProxyError(
                401,
                "invalid_request_error",
                "invalid_access_token",
                null,
                "The access token was refused: " + reason.message() + ".");
    }

    public static ProxyError revokedKey() {
        return new ProxyError(401, "invalid_request_error", "key_revoked", null, "This API key has been revoked.");
    }

    public static ProxyError expiredKey() {
        return new ProxyError(401, "invalid_request_error", "key_expired", null, "This API key has expired.");
    }

    public static ProxyError disabledKey() {
        return new ProxyError(403, "permission_error", "key_disabled", null, "This API key is disabled.");
    }

    public static ProxyError invalidBody(String param, String message) {
        return new ProxyError(400, "invalid_request_error", "invalid_request", param, message);
    }

    public static ProxyError bodyTooLarge(long limit) {
        return new ProxyError(
                413,
                "invalid_request_error",
                "request_too_large",
                null,
                "The request body exceeds " + limit + " bytes.");
    }

    public static ProxyError unsupportedMediaType(String contentType) {
        return new ProxyError(
                415,
                "invalid_request_error",
                "unsupported_media_type",
                null,
                "The request body must be application/json, not '" + contentType + "'.");
    }

    /** This address sent too many unknown or invalid keys: a guesser, slowed down. */
    public static ProxyError tooManyInvalidKeys(long retryAfterSeconds) {
        return new ProxyError(
                429,
                "rate_limit_error",
                "too_many_invalid_keys",
                null,
                "Too many calls with an invalid key from this address; retry after the time in Retry-After.",
                Map.of("retry-after", Long.toString(retryAfterSeconds)));
    }

    /** A header value holds a control character: a line break meant to smuggle a header, or worse. */
    public static ProxyError invalidHeader(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) : name;
        return new ProxyError(
                400,
                "invalid_request_error",
                "invalid_header",
                shown,
                "The header '" + shown + "' contains a control character.");
    }

    public static ProxyError invalidEncoding() {
        return new ProxyError(
                400, "invalid_request_error", "invalid_encoding", null, "The request body is not valid UTF-8.");
    }

    public static ProxyError modelNotFound(String model) {
        return new ProxyError(
                404,
                "invalid_request_error",
                "model_not_found",
                "model",
                "The model '" + model + "' is not served by any upstream of this tenant.");
    }

    public static ProxyError unknownRoute(String method, String path) {
        return new ProxyError(
                404, "invalid_request_error", "unknown_route", null, "No route for " + method + " " + path + ".");
    }

    /** The route does not take this method; {@code Allow} lists those it does. */
    public static ProxyError methodNotAllowed(String method, String path, List<String> allowed) {
        return new ProxyError(
                405,
                "invalid_request_error",
                "method_not_allowed",
                null,
                method + " is not allowed on " + path + ".",
                Map.of("allow", String.join(", ", allowed)));
    }

    /** A scope of the key forbids the call; names the rule, never the key. */
    public static ProxyError notAllowed(String code, String rule, String message) {
        return new ProxyError(403, "permission_error", code, rule, message);
    }

    /** A tenant policy refused the call; names the policy, which the tenant's operators wrote. */
    public static ProxyError policyDenied(String policy) {
        return new ProxyError(
                403, "permission_error", "policy_denied", policy, "The request was denied by policy '" + policy + "'.");
    }

    /**
     * A tenant policy routes the call to an upstream that cannot take it. Refused rather than sent
     * where it was headed: the policy exists to keep the call from going there.
     */
    public static ProxyError policyRouteUnavailable(String policy, String upstream) {
        return new ProxyError(
                503,
                "api_error",
                "policy_route_unavailable",
                policy,
                "Policy '" + policy + "' sends this call to upstream '" + upstream
                        + "', which cannot take it: it is not registered or enabled for this tenant, speaks another"
                        + " dialect, or does not serve the model.");
    }

    public static ProxyError invalidJsonRpc() {
        return new ProxyError(
                400,
                "invalid_request_error",
                "invalid_json",
                null,
                "The body must be a JSON-RPC 2.0 message or a batch of them.");
    }

    public static ProxyError unknownMcpServer(String name) {
        return new ProxyError(
                404,
                "invalid_request_error",
                "unknown_mcp_server",
                null,
                "No MCP server named '" + name + "' is registered for this tenant.");
    }

    /** The agent's allow-list does not include the tool; names the tool, which the agent chose. */
    public static ProxyError toolNotAllowed(String tool) {
        return new ProxyError(
                403,
                "permission_error",
                "tool_not_allowed",
                "allowedTools",
                "This agent may not call the tool '" + tool + "'.");
    }

    public static ProxyError unknownService(String name) {
        return new ProxyError(
                404,
                "invalid_request_error",
                "unknown_service",
                null,
                "No service named '" + name + "' is registered for this tenant.");
    }

    public static ProxyError serviceMethodNotAllowed(String method, List<String> allowed) {
        return new ProxyError(
                405,
                "invalid_request_error",
                "method_not_allowed",
                null,
                method + " is not allowed on this service.",
                Map.of("allow", String.join(", ", allowed)));
    }

    public static ProxyError invalidPath() {
        return new ProxyError(
                400,
                "invalid_request_error",
                "invalid_path",
                null,
                "The path is not allowed (no '..', encoded slashes or empty segments).");
    }

    public static ProxyError routeDisabled(String route) {
        return new ProxyError(
                403,
                "permission_error",
                "route_disabled",
                null,
                "The route " + route + " is disabled on this gateway.");
    }

    public static ProxyError inspectionFailed() {
        return new ProxyError(
                503,
                "api_error",
                "inspection_failed",
                null,
                "A content inspection plugin failed, and this tenant refuses calls it cannot inspect.");
    }

    /** Shed under overload: the caller's retry after a second is the whole remedy. */
    public static ProxyError overloaded() {
        return new ProxyError(
                503,
                "api_error",
                "gateway_overloaded",
                null,
                "The gateway is at capacity; retry after the time in Retry-After.",
                Map.of("retry-after", "1"));
    }

    public static ProxyError unavailable() {
        return new ProxyError(
                503,
                "api_error",
                "gateway_unavailable",
                null,
                "The gateway cannot read its configuration right now; retry shortly.");
    }

    /** The upstream provider plugin failed (threw, or overran its budget) while shaping the call: nothing was sent. */
    public static ProxyError providerFailed(String provider) {
        return new ProxyError(
                502,
                "api_error",
                "provider_failed",
                null,
                "The upstream provider '" + provider + "' failed to prepare the call; nothing was sent upstream.");
    }

    public static ProxyError upstreamUnreachable() {
        return new ProxyError(502, "api_error", "upstream_unreachable", null, "The upstream could not be reached.");
    }

    /** The upstream began its answer and stopped before the gateway had passed any of it on. */
    public static ProxyError upstreamBrokeOff() {
        return new ProxyError(502, "api_error", "upstream_broke_off", null, "The upstream broke off its answer.");
    }

    public static ProxyError upstreamTimeout() {
        return new ProxyError(504, "api_error", "upstream_timeout", null, "The upstream did not answer in time.");
    }

    /**
     * A request the server refused before the gateway saw it (a malformed chunked body, an
     * encoded dot in the path, a header it could not parse): its status, in our words.
     */
    public static ProxyError refusedByServer(int status) {
        return switch (status) {
            case 404 -> new ProxyError(404, "invalid_request_error", "unknown_route", null, "No such route.");
            case 405 -> new ProxyError(405, "invalid_request_error", "method_not_allowed", null, "Method not allowed.");
            case 413 ->
                new ProxyError(413, "invalid_request_error", "request_too_large", null, "The request is too large.");
            default ->
                status >= 400 && status < 500
                        ? new ProxyError(
                                status,
                                "invalid_request_error",
                                "invalid_request",
                                null,
                                "The request could not be read.")
                        : internal();
        };
    }

    public static ProxyError internal() {
        return new ProxyError(500, "api_error", "internal_error", null, "The gateway failed to process the request.");
    }
}
