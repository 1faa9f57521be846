-- Shorter serial sections on the write path (issue 3, submissions per second).
--
-- 1. Appending audit records: the chain lock and the read of the chain's head in one round trip. In PL/pgSQL under
--    READ COMMITTED each statement takes a fresh snapshot, so the head is read after the lock is granted and sees
--    the commit of the previous holder (kernel/audit/write.ts). The lock stays until the caller's commit.
CREATE FUNCTION audit_chain_head(lock_key bigint, record_count integer)
  RETURNS TABLE (head text, ids text[], at timestamptz)
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  RETURN QUERY
    SELECT (SELECT a.hash FROM audit_log a ORDER BY a.id DESC LIMIT 1),
           array(SELECT nextval('audit_log_id_seq')::text FROM generate_series(1, record_count)),
           clock_timestamp();
END;
$$;
COMMENT ON FUNCTION audit_chain_head(bigint, integer) IS 'Takes the audit chain lock (held to commit) and returns the head hash, record_count new ids and the time, read under the lock.';

-- 2. 办件编号 are drawn before the transaction that files a case, so the region-and-day counter row is locked for one
--    statement instead of the whole filing (services/cases/submission.ts nextCaseNumber).
COMMENT ON TABLE case_number_counters IS 'Last 办件编号 sequence drawn per region and Beijing day; a new case draws before its filing transaction, so a failed filing leaves a gap (never a reuse).';
