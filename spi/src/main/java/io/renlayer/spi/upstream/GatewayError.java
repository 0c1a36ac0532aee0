package io.renlayer.spi.upstream;

import io.renlayer.spi.Experimental;

/**
 * An error the gateway answers itself (a refused key, a policy's denial, a limit), for a provider
 * to write in its dialect ({@link UpstreamProvider#errorBody}).
 *
 * @param status the HTTP status the gateway answers with
 * @param type OpenAI's error type: invalid_request_error, authentication_error, permission_error,
 *     rate_limit_error, api_error, ...
 * @param code the gateway's own code (policy_denied, rate_limit_exceeded, ...)
 * @param message for the caller
 * @since 1.1
 */
@Experimental("providers owning their dialect are new in 1.1")
public record GatewayError(int status, String type, String code, String message, String requestId) {}
