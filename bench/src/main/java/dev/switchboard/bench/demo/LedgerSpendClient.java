package dev.switchboard.bench.demo;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.ledger.SpendReport;
import dev.switchboard.core.ledger.SpendRow;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Asks the ledger service what each tenant spent: {@code GET /spend?groupBy=tenant}. */
public final class LedgerSpendClient {

    /** The key of events that named no tenant. */
    static final String NO_TENANT = "(none)";

    private final URI ledger;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public LedgerSpendClient(URI ledger) {
        this.ledger = ledger;
    }

    /**
     * Spend per tenant in USD, as the ledger booked it.
     *
     * @throws IOException when the ledger does not answer 200 with a spend report
     */
    public Map<String, BigDecimal> spendByTenant() throws IOException {
        URI uri = ledger.resolve("/spend?groupBy=tenant");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return byTenant(Json.read(response.body(), SpendReport.class));
    }

    static Map<String, BigDecimal> byTenant(SpendReport report) {
        if (report.truncated()) {
            throw new IllegalStateException("the ledger's report is truncated; it has more tenants than it returns");
        }
        Map<String, BigDecimal> spend = new TreeMap<>();
        for (SpendRow row : report.rows()) {
            spend.merge(row.key() == null ? NO_TENANT : row.key(), row.costUsd(), BigDecimal::add);
        }
        return spend;
    }
}
