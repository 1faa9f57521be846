-- 告知承诺 事后核查: the department checks each promise after acceptance; a false promise revokes an approval
-- (and is reported to the credit system through the outbox event case.pledge-false).

ALTER TABLE case_pledges
  ADD COLUMN check_outcome text CHECK (check_outcome IN ('confirmed', 'false')),
  ADD COLUMN check_note    text NOT NULL DEFAULT '',
  ADD COLUMN checked_by    uuid REFERENCES accounts (id),
  ADD COLUMN checked_at    timestamptz,
  ADD CONSTRAINT case_pledges_check_complete CHECK ((check_outcome IS NULL) = (checked_at IS NULL) AND (check_outcome IS NULL) = (checked_by IS NULL));
COMMENT ON COLUMN case_pledges.check_outcome IS '事后核查 result: confirmed (属实) or false (不实); NULL while not yet checked.';
COMMENT ON COLUMN case_pledges.check_note IS 'How it was checked and what was found (shown to the applicant when false).';
COMMENT ON COLUMN case_pledges.checked_by IS 'Staff account that recorded the check.';
COMMENT ON COLUMN case_pledges.checked_at IS 'When the check was recorded.';
CREATE INDEX case_pledges_unchecked_idx ON case_pledges (case_id) WHERE check_outcome IS NULL;

ALTER TABLE cases
  ADD COLUMN result_revoked_at     timestamptz,
  ADD COLUMN result_revoked_reason text,
  ADD CONSTRAINT cases_revocation_complete CHECK ((result_revoked_at IS NULL) = (result_revoked_reason IS NULL));
COMMENT ON COLUMN cases.result_revoked_at IS 'When an approval was revoked (撤销), e.g. after a false 告知承诺; the case stays closed.';
COMMENT ON COLUMN cases.result_revoked_reason IS 'Why the approval was revoked, as told to the applicant.';

ALTER TABLE case_actions DROP CONSTRAINT case_actions_action_check;
ALTER TABLE case_actions ADD CONSTRAINT case_actions_action_check CHECK (action IN ('create', 'edit', 'submit', 'accept', 'refuse', 'requestSupplement', 'resubmit', 'approve', 'deny', 'transfer', 'startInspection', 'countersign', 'startSpecial', 'endSpecial', 'complete', 'withdraw', 'fulfilGap', 'checkPledge'));
