-- 免证办: materials that the government itself issued are fetched from the applicant's valid electronic licences
-- when the case is submitted, instead of being uploaded (services/cases/license-materials.ts). The case keeps what it
-- relied on — the licence's identifier, signature key and data as fetched — and the licences domain records the use
-- (license_uses), which the holder sees in 证照夹.

CREATE TABLE case_licenses (
  case_id        uuid NOT NULL REFERENCES cases (id),
  material_key   text NOT NULL,
  license_id     uuid NOT NULL,
  identifier     text NOT NULL,
  type_code      text NOT NULL,
  type_name      text NOT NULL,
  issuer_name    text NOT NULL,
  holder_name    text NOT NULL,
  valid_from     date NOT NULL,
  valid_to       date,
  fields         jsonb NOT NULL DEFAULT '[]',
  seal_key_id    text NOT NULL,
  signature      text NOT NULL,
  use_id         uuid NOT NULL,
  fetched_at     timestamptz NOT NULL,
  PRIMARY KEY (case_id, material_key)
);
COMMENT ON TABLE case_licenses IS '免证办: the electronic licence that satisfied a material of a case, as fetched at submission (licence data, signature, the use recorded by the licences domain).';
COMMENT ON COLUMN case_licenses.license_id IS 'The licence (licenses.id, owned by the licences domain: no foreign key across domains).';
COMMENT ON COLUMN case_licenses.fields IS 'The licence''s fields as [{key, name, value}] when fetched; never the holder''s full ID number.';
COMMENT ON COLUMN case_licenses.use_id IS 'license_uses.id of the recorded use (basis application: applying is consent for this case).';

-- 免证办率 = materials the system fetched ÷ materials required, per item and overall, counted at submission.
ALTER TABLE cases
  ADD COLUMN materials_required smallint CHECK (materials_required >= 0),
  ADD COLUMN materials_fetched  smallint CHECK (materials_fetched >= 0 AND materials_fetched <= materials_required);
COMMENT ON COLUMN cases.materials_required IS 'Required materials that applied to the answers when the case was submitted (NULL before submission).';
COMMENT ON COLUMN cases.materials_fetched IS 'Of those, how many were satisfied by fetching the applicant''s electronic licence (免证办).';
CREATE INDEX cases_submitted_item_idx ON cases (service_item_id, submitted_at) WHERE submitted_at IS NOT NULL;
