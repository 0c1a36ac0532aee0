package io.renlayer.api.v1;

import io.renlayer.admin.dlp.DlpRule;
import io.renlayer.admin.dlp.DlpRuleDraft;
import io.renlayer.admin.dlp.DlpRuleService;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The tenant's own DLP rules: {@code {"name","kind":"regex","pattern":"ACME-\\d{6}"}} or
 * {@code {"name","kind":"keywords","keywords":["Project Falcon"]}}. Findings are of type CUSTOM.
 */
@Path("api/v1/tenants/{tenantId}/dlp-rules")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DlpRulesResource {

    @EJB
    private DlpRuleService rules;

    @Context
    private SecurityContext caller;

    @PathParam("tenantId")
    private UUID tenantId;

    @POST
    public Response create(DlpRuleDraft draft) {
        DlpRule rule = rules.create(tenantId, Requests.required(draft), Requests.actor(caller));
        return Response.status(201).entity(RuleView.of(rule)).build();
    }

    @GET
    public Page<RuleView> list(
            @QueryParam("kind") String kind, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return rules.list(tenantId, kind, PageRequest.of(QueryParams.integer("limit", limit), cursor))
                .map(RuleView::of);
    }

    @GET
    @Path("{ruleId}")
    public RuleView get(@PathParam("ruleId") UUID ruleId) {
        return RuleView.of(rules.require(tenantId, ruleId));
    }

    @PATCH
    @Path("{ruleId}")
    public RuleView update(@PathParam("ruleId") UUID ruleId, DlpRuleDraft change) {
        return RuleView.of(rules.update(tenantId, ruleId, Requests.required(change), Requests.actor(caller)));
    }

    @DELETE
    @Path("{ruleId}")
    public Response delete(@PathParam("ruleId") UUID ruleId) {
        rules.delete(tenantId, ruleId, Requests.actor(caller));
        return Response.noContent().build();
    }

    public record RuleView(
            UUID id,
            UUID tenantId,
            String name,
            String kind,
            String pattern,
            List<String> keywords,
            boolean caseSensitive,
            String redaction,
            boolean enabled,
            Instant createdAt,
            Instant updatedAt) {
        static RuleView of(DlpRule r) {
            return new RuleView(
                    r.getId(),
                    r.getTenantId(),
                    r.getName(),
                    r.getKind(),
                    r.getPattern(),
                    r.getKeywords(),
                    r.isCaseSensitive(),
                    r.getRedaction(),
                    r.isEnabled(),
                    r.getCreatedAt(),
                    r.getUpdatedAt());
        }
    }
}
