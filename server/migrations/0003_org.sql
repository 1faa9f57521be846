-- Regions, departments and positions become editable by admins: optimistic versions, the GB/T 2260 code rules
-- as constraints, and the column comments 0002 left out.

-- Regions ------------------------------------------------------------------------------------------------

ALTER TABLE regions ADD COLUMN version int NOT NULL DEFAULT 1;

-- GB/T 2260 / 统计用区划代码: province 2 + city 2 + county 2 + town 3 + village 3 digits; a level's own digits are
-- not all zero, the tail below it is. Towns of a city without districts (不设区的地级市, e.g. 东莞 4419) keep
-- county digits 00 and hang directly under the city.
ALTER TABLE regions ADD CONSTRAINT regions_code_shape CHECK (
  substr(code, 1, 2) <> '00' AND CASE level
    WHEN 'province' THEN substr(code, 3) = '0000000000'
    WHEN 'city' THEN substr(code, 3, 2) <> '00' AND substr(code, 5) = '00000000'
    WHEN 'county' THEN substr(code, 3, 2) <> '00' AND substr(code, 5, 2) <> '00' AND substr(code, 7) = '000000'
    WHEN 'town' THEN substr(code, 3, 2) <> '00' AND substr(code, 7, 3) <> '000' AND substr(code, 10) = '000'
    WHEN 'village' THEN substr(code, 3, 2) <> '00' AND substr(code, 7, 3) <> '000' AND substr(code, 10, 3) <> '000'
    ELSE false
  END
);

-- The parent is the code's own prefix one level up, so the tree and the codes can never disagree.
ALTER TABLE regions ADD CONSTRAINT regions_parent_is_prefix CHECK (
  CASE level
    WHEN 'province' THEN parent_code IS NULL
    WHEN 'city' THEN coalesce(parent_code = substr(code, 1, 2) || '0000000000', false)
    WHEN 'county' THEN coalesce(parent_code = substr(code, 1, 4) || '00000000', false)
    WHEN 'town' THEN coalesce(parent_code = CASE WHEN substr(code, 5, 2) = '00'
                                                 THEN substr(code, 1, 4) || '00000000'
                                                 ELSE substr(code, 1, 6) || '000000' END, false)
    WHEN 'village' THEN coalesce(parent_code = substr(code, 1, 9) || '000', false)
    ELSE false
  END
);
ALTER TABLE regions ADD CONSTRAINT regions_name_not_blank CHECK (btrim(name) <> '');
ALTER TABLE regions ADD CONSTRAINT regions_sort_range CHECK (sort BETWEEN 0 AND 999999);

-- Scoping filters by code prefix (code LIKE '5399%'); pattern_ops lets that use an index in any collation.
CREATE INDEX regions_code_prefix_idx ON regions (code varchar_pattern_ops);

COMMENT ON COLUMN regions.name IS 'Official name, e.g. 澜沧区, 翠湖街道; may contain characters outside the BMP.';
COMMENT ON COLUMN regions.level IS 'province, city, county, town or village; must match the shape of code.';
COMMENT ON COLUMN regions.parent_code IS 'The region one level up: always the code''s own prefix, null only for a province.';
COMMENT ON COLUMN regions.sort IS 'Display order among siblings (then by code).';
COMMENT ON COLUMN regions.created_at IS 'When the region was added.';
COMMENT ON COLUMN regions.updated_at IS 'When name or sort last changed.';
COMMENT ON COLUMN regions.version IS 'Optimistic concurrency: incremented on every update.';

-- Departments --------------------------------------------------------------------------------------------

ALTER TABLE departments ADD CONSTRAINT departments_credit_code_format CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');
ALTER TABLE departments ADD CONSTRAINT departments_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id);
ALTER TABLE departments ADD CONSTRAINT departments_name_not_blank CHECK (btrim(name) <> '');
ALTER TABLE departments ADD CONSTRAINT departments_sort_range CHECK (sort BETWEEN 0 AND 999999);
CREATE INDEX departments_region_prefix_idx ON departments (region_code varchar_pattern_ops);
CREATE INDEX departments_parent_idx ON departments (parent_id);

COMMENT ON COLUMN departments.id IS 'UUIDv7.';
COMMENT ON COLUMN departments.name IS 'Full name, e.g. 云溪市市场监督管理局; unique within its region.';
COMMENT ON COLUMN departments.short_name IS 'Short name for lists and badges, e.g. 市场监管局.';
COMMENT ON COLUMN departments.credit_code IS '统一社会信用代码 (GB 32100, check characters verified by the application); identifies the department in imports and other systems.';
COMMENT ON COLUMN departments.region_code IS 'The region the department serves; staff scoping and region filters use it.';
COMMENT ON COLUMN departments.parent_id IS 'Superior department (e.g. a county branch under the city bureau); its region contains this one''s. No cycles (checked by the application).';
COMMENT ON COLUMN departments.sort IS 'Display order within a region.';
COMMENT ON COLUMN departments.is_active IS 'Deactivated departments keep their history and staff but cannot receive new staff or sub-departments.';
COMMENT ON COLUMN departments.created_at IS 'When the department was added.';
COMMENT ON COLUMN departments.updated_at IS 'When the department last changed.';

-- Positions ----------------------------------------------------------------------------------------------

ALTER TABLE positions ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE positions ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE positions ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE positions ADD CONSTRAINT positions_name_not_blank CHECK (btrim(name) <> '');
ALTER TABLE positions ADD CONSTRAINT positions_sort_range CHECK (sort BETWEEN 0 AND 999999);

COMMENT ON COLUMN positions.id IS 'UUIDv7.';
COMMENT ON COLUMN positions.department_id IS 'The department the position belongs to.';
COMMENT ON COLUMN positions.name IS 'Position name, e.g. 综合窗口受理员; unique within the department.';
COMMENT ON COLUMN positions.sort IS 'Display order within the department.';
COMMENT ON COLUMN positions.version IS 'Optimistic concurrency: incremented on every update.';
COMMENT ON COLUMN positions.created_at IS 'When the position was added.';
COMMENT ON COLUMN positions.updated_at IS 'When the position last changed.';
