-- 可用不可见: aggregate-only queries over catalogue resources. The platform (首席数据官) registers a published resource
-- for aggregate use — the fields that may be grouped by and the numeric fields that may be summed or averaged, the
-- minimum group size k and whether answers carry discrete-Laplace noise — and gives each consuming department a privacy
-- budget (total ε per period). Every query is logged here (and audited); raw records never leave. The catalogue's
-- resources and records are read through server/src/data/catalogue/index.ts only. server/src/data/aggregate owns these
-- tables (see its README.md).

CREATE TABLE aggregate_resources (
  resource_id             uuid PRIMARY KEY,
  resource_code           text NOT NULL,
  resource_name           text NOT NULL,
  provider_department_id  uuid NOT NULL REFERENCES departments (id),
  region_code             text NOT NULL REFERENCES regions (code),
  dimensions              text[] NOT NULL CHECK (cardinality(dimensions) BETWEEN 1 AND 10),
  measures                jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(measures) = 'array'),
  k                       int NOT NULL DEFAULT 10 CHECK (k BETWEEN 5 AND 1000),
  is_noisy                boolean NOT NULL DEFAULT false,
  epsilon                 numeric(6, 3) NOT NULL DEFAULT 1 CHECK (epsilon >= 0.01 AND epsilon <= 10),
  is_active               boolean NOT NULL DEFAULT true,
  note                    text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
  version                 int NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by              uuid REFERENCES accounts (id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_by              uuid REFERENCES accounts (id),
  updated_by_name         text,
  updated_at              timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE aggregate_resources IS '可用不可见 registrations: a published catalogue resource the platform opened to aggregate-only queries, with what may be grouped and summed, the minimum group size and the noise.';
COMMENT ON COLUMN aggregate_resources.resource_id IS 'The catalogue resource (data_resources.id, owned by the catalogue; no foreign key across domains). One registration per resource.';
COMMENT ON COLUMN aggregate_resources.resource_code IS 'Its 资源代码 (fixed by the catalogue once created), for lists and the query log.';
COMMENT ON COLUMN aggregate_resources.resource_name IS 'Its name when registered or last changed here.';
COMMENT ON COLUMN aggregate_resources.provider_department_id IS 'The providing department.';
COMMENT ON COLUMN aggregate_resources.region_code IS 'The resource''s region: the platform registers resources of its region and below; consumers of the same line of regions may query.';
COMMENT ON COLUMN aggregate_resources.dimensions IS 'Field keys that may be grouped by and filtered on (non-personal text, integer, date or yes/no fields; never the key field).';
COMMENT ON COLUMN aggregate_resources.measures IS 'Array of {field, clampMin, clampMax}: numeric fields that may be summed or averaged; each value is clamped to [clampMin, clampMax] and rounded, so one record changes a sum by at most max(|clampMin|, |clampMax|) (the noise''s sensitivity).';
COMMENT ON COLUMN aggregate_resources.k IS 'Minimum group size: groups with fewer members are suppressed (default 10, never below 5).';
COMMENT ON COLUMN aggregate_resources.is_noisy IS 'Whether answers carry discrete-Laplace noise and spend the consumer''s privacy budget.';
COMMENT ON COLUMN aggregate_resources.epsilon IS 'ε spent by one query when noisy, split evenly over the noisy statistics of the query.';
COMMENT ON COLUMN aggregate_resources.is_active IS 'False: the registration is withdrawn and the resource answers no aggregate query.';
COMMENT ON COLUMN aggregate_resources.note IS 'Why the resource is opened to aggregate queries (the platform''s record).';
COMMENT ON COLUMN aggregate_resources.version IS 'Optimistic concurrency: incremented on every change.';
COMMENT ON COLUMN aggregate_resources.created_by IS 'Who registered it; null for the platform (demo seed).';
COMMENT ON COLUMN aggregate_resources.created_at IS 'When it was registered.';
COMMENT ON COLUMN aggregate_resources.updated_by IS 'Who last changed it.';
COMMENT ON COLUMN aggregate_resources.updated_by_name IS 'Their name at the time.';
COMMENT ON COLUMN aggregate_resources.updated_at IS 'Last change.';
CREATE INDEX aggregate_resources_region_idx ON aggregate_resources (region_code);

CREATE TABLE aggregate_budgets (
  department_id       uuid PRIMARY KEY REFERENCES departments (id),
  region_code         text NOT NULL REFERENCES regions (code),
  period              text NOT NULL DEFAULT 'month' CHECK (period IN ('month', 'quarter', 'year')),
  epsilon_per_period  numeric(9, 3) NOT NULL CHECK (epsilon_per_period >= 0.01 AND epsilon_per_period <= 1000),
  version             int NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_by          uuid REFERENCES accounts (id),
  updated_by_name     text,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE aggregate_budgets IS 'Privacy budget of a consuming department: the total ε its noisy aggregate queries may spend per period (Beijing calendar month, quarter or year), set by the platform.';
COMMENT ON COLUMN aggregate_budgets.department_id IS 'The consuming department; a department without a row may not run noisy queries.';
COMMENT ON COLUMN aggregate_budgets.region_code IS 'The department''s region: the platform sets budgets of its region and below.';
COMMENT ON COLUMN aggregate_budgets.period IS 'month, quarter or year (Beijing time); spending starts afresh each period.';
COMMENT ON COLUMN aggregate_budgets.epsilon_per_period IS 'Total ε per period. Lowering it below what is spent stops further noisy queries until the next period.';
COMMENT ON COLUMN aggregate_budgets.version IS 'Optimistic concurrency: incremented on every change.';
COMMENT ON COLUMN aggregate_budgets.updated_by IS 'Who last set it; null for the platform (demo seed).';
COMMENT ON COLUMN aggregate_budgets.updated_by_name IS 'Their name at the time.';
COMMENT ON COLUMN aggregate_budgets.updated_at IS 'Last change.';

CREATE TABLE aggregate_budget_spend (
  department_id  uuid NOT NULL REFERENCES aggregate_budgets (department_id),
  period_start   date NOT NULL,
  spent          numeric(12, 3) NOT NULL CHECK (spent >= 0),
  query_count    int NOT NULL DEFAULT 0 CHECK (query_count >= 0),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (department_id, period_start)
);
COMMENT ON TABLE aggregate_budget_spend IS 'ε spent per department and period. A noisy query debits it in one INSERT … ON CONFLICT DO UPDATE … WHERE spent + ε <= limit, which locks the row, so concurrent queries can never spend more than the budget.';
COMMENT ON COLUMN aggregate_budget_spend.department_id IS 'The consuming department.';
COMMENT ON COLUMN aggregate_budget_spend.period_start IS 'First day (Beijing) of the period the spending belongs to.';
COMMENT ON COLUMN aggregate_budget_spend.spent IS 'Total ε spent in the period.';
COMMENT ON COLUMN aggregate_budget_spend.query_count IS 'Noisy queries answered in the period.';
COMMENT ON COLUMN aggregate_budget_spend.updated_at IS 'Last debit.';

CREATE TABLE aggregate_queries (
  id                  uuid PRIMARY KEY,
  at                  timestamptz NOT NULL DEFAULT now(),
  actor_id            uuid REFERENCES accounts (id),
  actor_name          text NOT NULL,
  department_id       uuid NOT NULL REFERENCES departments (id),
  department_name     text NOT NULL,
  resource_id         uuid NOT NULL,
  resource_code       text NOT NULL,
  resource_name       text NOT NULL,
  region_code         text NOT NULL REFERENCES regions (code),
  group_by            text[] NOT NULL DEFAULT '{}',
  measures            jsonb NOT NULL CHECK (jsonb_typeof(measures) = 'array'),
  filters             jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(filters) = 'array'),
  purpose             text NOT NULL CHECK (char_length(purpose) BETWEEN 1 AND 500),
  k                   int NOT NULL,
  is_noisy            boolean NOT NULL,
  epsilon_spent       numeric(6, 3) NOT NULL DEFAULT 0 CHECK (epsilon_spent >= 0),
  groups_returned     int NOT NULL DEFAULT 0 CHECK (groups_returned >= 0),
  groups_suppressed   int NOT NULL DEFAULT 0 CHECK (groups_suppressed >= 0),
  outcome             text NOT NULL CHECK (outcome IN ('answered', 'noBudget', 'budgetExhausted')),
  CHECK (outcome = 'answered' OR (epsilon_spent = 0 AND groups_returned = 0 AND groups_suppressed = 0))
);
COMMENT ON TABLE aggregate_queries IS 'Every aggregate query, answered or refused for want of budget (bad input is answered 4xx and not logged here): who, for which department, over which resource, the query''s shape and purpose, ε spent, groups returned and suppressed. Never the answer''s values.';
COMMENT ON COLUMN aggregate_queries.id IS 'UUIDv7 (also the audit record''s detail.queryId).';
COMMENT ON COLUMN aggregate_queries.at IS 'When the query was answered or refused.';
COMMENT ON COLUMN aggregate_queries.actor_id IS 'The data consumer who asked.';
COMMENT ON COLUMN aggregate_queries.actor_name IS 'Their name at the time.';
COMMENT ON COLUMN aggregate_queries.department_id IS 'The consuming department whose budget paid.';
COMMENT ON COLUMN aggregate_queries.department_name IS 'Its name at the time.';
COMMENT ON COLUMN aggregate_queries.resource_id IS 'The catalogue resource queried (no foreign key across domains).';
COMMENT ON COLUMN aggregate_queries.resource_code IS 'Its 资源代码.';
COMMENT ON COLUMN aggregate_queries.resource_name IS 'Its name at the time.';
COMMENT ON COLUMN aggregate_queries.region_code IS 'The resource''s region (the platform sees the queries of its region and below).';
COMMENT ON COLUMN aggregate_queries.group_by IS 'Dimension field keys grouped by, in order (0 to 3).';
COMMENT ON COLUMN aggregate_queries.measures IS 'Array of {fn: count|sum|avg, field?} asked for.';
COMMENT ON COLUMN aggregate_queries.filters IS 'Array of {field, op: eq|in, value | values}: the filters as asked (dimension values only), kept to spot differencing.';
COMMENT ON COLUMN aggregate_queries.purpose IS '用途 the consumer gave.';
COMMENT ON COLUMN aggregate_queries.k IS 'Minimum group size applied.';
COMMENT ON COLUMN aggregate_queries.is_noisy IS 'Whether the answer carried noise.';
COMMENT ON COLUMN aggregate_queries.epsilon_spent IS 'ε debited from the department''s budget (0 for noise-free answers and refusals).';
COMMENT ON COLUMN aggregate_queries.groups_returned IS 'Groups in the answer.';
COMMENT ON COLUMN aggregate_queries.groups_suppressed IS 'Groups withheld (fewer than k members, or withheld so that a small group cannot be derived by subtraction).';
COMMENT ON COLUMN aggregate_queries.outcome IS 'answered; noBudget (refused: the department has no privacy budget); budgetExhausted (refused: the budget could not pay).';
CREATE INDEX aggregate_queries_department_idx ON aggregate_queries (department_id, at DESC);
CREATE INDEX aggregate_queries_region_idx ON aggregate_queries (region_code, at DESC);
CREATE INDEX aggregate_queries_resource_idx ON aggregate_queries (resource_id, at DESC);
