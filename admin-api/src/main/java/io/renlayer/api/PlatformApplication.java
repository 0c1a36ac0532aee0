package io.renlayer.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The control listener's REST surface: {@code /api/v1/...}, {@code /healthz}, {@code /readyz}. */
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "RenLayer Platform API",
                        version = "v1",
                        description =
                                "Tenants, users, agents, keys, upstreams, services, policies, DLP rules, traces and the audit log."
                                        + " Authenticate with a platform JWT from POST /api/v1/auth/sign-in, or an operator token."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "A platform JWT (tenant users) or an operator token")
public class PlatformApplication extends Application {}
