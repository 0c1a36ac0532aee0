package io.renlayer.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The control listener's REST surface: {@code /api/v1/...}, {@code /healthz}, {@code /readyz}. */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "RenLayer Platform API", version = "v1"))
public class PlatformApplication extends Application {}
