-- Trace bodies are compressed with LZ4 rather than the default pglz. Each stored body (up to 32 KiB)
-- is compressed once, on the writer's COPY, and pglz cost PostgreSQL about 40 % of its CPU at
-- 1,000 traces/s with 32 KiB prompts (bench/proxy); LZ4 compresses several times faster for a
-- similar ratio on text. Partitions made later take the setting from the parent; the existing ones
-- are set here. Bodies already stored keep their compression. A server built without LZ4 support
-- keeps pglz.
DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN SELECT 'traces'::regclass UNION ALL SELECT inhrelid::regclass FROM pg_inherits
             WHERE inhparent = 'traces'::regclass LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN redacted_body SET COMPRESSION lz4, '
                       'ALTER COLUMN redacted_response SET COMPRESSION lz4', t);
    END LOOP;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'PostgreSQL without LZ4: trace bodies stay compressed with pglz';
END $$;
