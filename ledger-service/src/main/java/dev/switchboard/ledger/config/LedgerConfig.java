package dev.switchboard.ledger.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the ledger service. */
@ConfigMapping(prefix = "ledger")
public interface LedgerConfig {

    /** Spend reports served at {@code /spend}. */
    Spend spend();

    /** Settings of {@code /spend}. */
    interface Spend {

        /** Most groups one answer lists, most expensive first; the total still covers every group. */
        @WithDefault("1000")
        int maxRows();
    }
}
