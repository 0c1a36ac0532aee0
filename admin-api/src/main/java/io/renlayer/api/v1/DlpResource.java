package io.renlayer.api.v1;

import io.renlayer.admin.dlp.DlpSettingsService;
import io.renlayer.admin.dlp.TenantScanner;
import io.renlayer.admin.dlp.TenantScanner.ScanFinding;
import io.renlayer.api.security.Access;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/** The tenant's detectors at work on a text, and the built-in types it switched off. */
@Path("api/v1/tenants/{tenantId}/dlp")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DlpResource {

    @Inject
    private TenantScanner scanner;

    @EJB
    private DlpSettingsService settings;

    @Context
    private SecurityContext caller;

    @PathParam("tenantId")
    private UUID tenantId;

    /**
     * {@code {"text":"..."}} → the findings, offsets in characters of the text, and the detectors
     * that failed on it. Changes nothing.
     */
    @POST
    @Path("scan")
    @Access(Access.Level.READ)
    @Extension(name = "x-renlayer-access", value = "read")
    public ScanResult scan(ScanRequest request) {
        TenantScanner.Scan scan =
                scanner.scanned(tenantId, Requests.required(request).text());
        return new ScanResult(scan.findings(), scan.failedDetectors());
    }

    @GET
    @Path("settings")
    public Settings get() {
        return new Settings(List.copyOf(settings.disabledTypes(tenantId)));
    }

    /** {@code {"disabledTypes":["IP_ADDRESS"]}}; an empty list reports every type again. */
    @PUT
    @Path("settings")
    public Settings put(Settings body) {
        Set<String> disabled =
                settings.disable(tenantId, Requests.required(body).disabledTypes(), Requests.actor(caller));
        return new Settings(List.copyOf(disabled));
    }

    public record ScanRequest(String text) {}

    public record ScanResult(List<ScanFinding> findings, List<String> failedDetectors) {}

    public record Settings(List<String> disabledTypes) {}
}
