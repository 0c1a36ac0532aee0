-- How long a tenant's traces are kept. Daily partitions older than the longest retention are
-- dropped whole; rows of tenants who keep less are deleted from the partitions that remain.
ALTER TABLE tenants ADD COLUMN trace_retention_days integer NOT NULL DEFAULT 30
    CHECK (trace_retention_days BETWEEN 1 AND 3650);

-- ensure_trace_partition bounded the day in the session's time zone and found its table through
-- the session's search path; trace days are UTC days, and the function now works from any session.
CREATE OR REPLACE FUNCTION ensure_trace_partition(day date) RETURNS void LANGUAGE plpgsql
    SET search_path = renlayer AS $$
DECLARE
    part text := format('traces_%s', to_char(day, 'YYYYMMDD'));
BEGIN
    IF to_regclass(part) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF traces FOR VALUES FROM (%L) TO (%L)',
                       part, (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
    END IF;
EXCEPTION WHEN check_violation OR invalid_object_definition THEN
    -- Rows for that day already sit in the default partition, or an older partition (made under
    -- another session time zone) overlaps: leave things as they are.
    NULL;
END $$;
