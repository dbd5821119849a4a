-- Every usage event once, under its id: a redelivered record finds its id taken and changes nothing.
CREATE TABLE ledger.usage_event (
    event_id            TEXT           PRIMARY KEY,
    request_id          TEXT           NOT NULL,
    attempt             INTEGER        NOT NULL,
    step                INTEGER        NOT NULL,
    tenant              TEXT           NOT NULL,
    project             TEXT,
    user_id             TEXT,
    feature             TEXT,
    model               TEXT           NOT NULL,
    provider            TEXT,
    input_tokens        BIGINT         NOT NULL,
    cached_input_tokens BIGINT         NOT NULL,
    output_tokens       BIGINT         NOT NULL,
    cost_usd            NUMERIC(20,10) NOT NULL,
    latency_ms          BIGINT         NOT NULL,
    outcome             TEXT,
    accepted            BOOLEAN,
    occurred_at         TIMESTAMPTZ    NOT NULL,
    ingested_at         TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE INDEX usage_event_occurred_at ON ledger.usage_event (occurred_at);
CREATE INDEX usage_event_tenant_occurred_at ON ledger.usage_event (tenant, occurred_at);

-- Per UTC hour and attribution, summed in the same transaction as each newly stored event.
-- Missing attributions are '' here (key columns cannot be NULL); the event table keeps them NULL.
CREATE TABLE ledger.usage_hourly (
    hour                TIMESTAMPTZ    NOT NULL,
    tenant              TEXT           NOT NULL,
    project             TEXT           NOT NULL,
    user_id             TEXT           NOT NULL,
    feature             TEXT           NOT NULL,
    model               TEXT           NOT NULL,
    calls               BIGINT         NOT NULL,
    cost_usd            NUMERIC(20,10) NOT NULL,
    input_tokens        BIGINT         NOT NULL,
    cached_input_tokens BIGINT         NOT NULL,
    output_tokens       BIGINT         NOT NULL,
    PRIMARY KEY (hour, tenant, project, user_id, feature, model)
);

CREATE INDEX usage_hourly_tenant_hour ON ledger.usage_hourly (tenant, hour);
