package dev.switchboard.ledger.rest;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.ledger.InvalidSpendQueryException;
import dev.switchboard.core.ledger.SpendQuery;
import dev.switchboard.ledger.service.SpendReports;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@code GET /spend}: spend grouped by tenant, model, user, project or feature over an optional time range. */
@Path("/spend")
@Produces(MediaType.APPLICATION_JSON)
public class SpendResource {

    private final SpendReports reports;

    public SpendResource(SpendReports reports) {
        this.reports = reports;
    }

    /** Written with core's {@link Json} so that costs keep every decimal and times are ISO-8601. */
    @GET
    public String spend(@RestQuery String groupBy, @RestQuery String from, @RestQuery String to,
                        @RestQuery String tenant) {
        return Json.write(reports.report(SpendQuery.parse(groupBy, from, to, tenant)));
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidSpendQueryException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Json.write(new ApiError("invalid_parameter", e.parameter(), e.getMessage()))).build();
    }
}
