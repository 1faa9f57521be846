-- Decision letters carry the handling department's 行政审批专用章 (image on the page) and an SM2 signature over the
-- stored PDF bytes, so anyone can check that a letter is the one issued, unchanged (POST /api/case-documents/verify).

ALTER TABLE cases
  ADD COLUMN decision_seal_key_id text,
  ADD COLUMN decision_signature   text,
  ADD CONSTRAINT cases_decision_signature_complete CHECK ((decision_seal_key_id IS NULL) = (decision_signature IS NULL));
COMMENT ON COLUMN cases.decision_seal_key_id IS 'Key id of the seal that signed the decision letter (GET /api/seals/public-keys); NULL when the department had no seal.';
COMMENT ON COLUMN cases.decision_signature IS 'SM2 signature (DER hex, default user ID) over the exact bytes of the stored decision letter.';
CREATE INDEX cases_decision_file_idx ON cases (decision_file_sm3) WHERE decision_file_sm3 IS NOT NULL;
