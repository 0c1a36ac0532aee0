package io.renlayer.api.v1;

import io.renlayer.admin.prices.PriceService;
import io.renlayer.admin.prices.PriceService.ModelPrice;
import io.renlayer.api.security.Access;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** The model price table, per million tokens: {@code PUT {"modelPattern","inputUsdPerMtok","outputUsdPerMtok"}}. */
@Access(Access.Level.OPERATOR)
@Path("api/v1/prices")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PricesResource {

    @EJB
    private PriceService prices;

    @Context
    private SecurityContext caller;

    @GET
    public PriceList list() {
        return new PriceList(prices.list());
    }

    @PUT
    public ModelPrice set(ModelPrice price) {
        return prices.set(Requests.required(price), Requests.actor(caller));
    }

    public record PriceList(List<ModelPrice> items) {}
}
