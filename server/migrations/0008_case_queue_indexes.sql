-- Workbench queues over a city's years of cases (measured with 1,000,000 cases: docs/PERFORMANCE.md). The to-do view
-- is read as one UNION ALL branch per source (repo.ts queueQuery): each branch walks one of these indexes in the
-- queue's order (due_at, submitted_at, id — ascending, nulls last), so the first page reads a few index entries, and
-- the INCLUDE columns let the counts (total, red / yellow / green, paused) run as index-only scans.

-- A department's queue for one role, most urgent first; replaces cases_queue_idx (its leading columns).
DROP INDEX cases_queue_idx;
CREATE INDEX cases_queue_idx ON cases (handling_department_id, step_role, due_at, submitted_at, id)
  INCLUDE (status, region_code, current_step)
  WHERE status IN ('submitted', 'accepted', 'in_review', 'decided');

-- A comprehensive window's counter steps (一窗受理: 受理 and 办结 of its region's cases, whichever department handles them).
CREATE INDEX cases_counter_queue_idx ON cases (step_role, due_at, submitted_at, id)
  INCLUDE (status, region_code, handling_department_id, current_step)
  WHERE status = 'submitted' OR (status = 'decided' AND current_step = 'complete');

-- A department's paused cases (补正, 特别程序): the 'paused' view and its count.
CREATE INDEX cases_suspended_queue_idx ON cases (handling_department_id, due_at, submitted_at, id)
  INCLUDE (region_code, current_step)
  WHERE status = 'suspended';
