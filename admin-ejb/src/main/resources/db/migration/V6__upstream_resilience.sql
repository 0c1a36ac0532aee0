-- Per-upstream timeouts, and where to go when this upstream cannot be reached.
ALTER TABLE upstreams
    ADD COLUMN connect_timeout_ms integer NOT NULL DEFAULT 10000 CHECK (connect_timeout_ms BETWEEN 100 AND 120000),
    ADD COLUMN read_timeout_ms    integer NOT NULL DEFAULT 120000 CHECK (read_timeout_ms BETWEEN 100 AND 3600000),
    ADD COLUMN fallback_upstream_id uuid REFERENCES upstreams (id) ON DELETE SET NULL;
