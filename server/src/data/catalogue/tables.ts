import type { ColumnType, Insertable, Kysely, Selectable } from 'kysely';
import type { DataResourceAction, DataResourceDefinition, DataResourceStatus, DataResourceVersionStatus, DataLevel, OpenType, ResourceSourceKind, ShareType } from '@zhengtong/contracts';
import type { DB, Queryable } from '../../kernel/db';

// The catalogue's tables (0016_data_catalogue.sql), typed beside the only code that queries them and joined to the
// kernel's DB type per query handle with Kysely's withTables.

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint columns arrive as strings (kernel/db keeps int8 as text). */
type BigintText = ColumnType<string, number | string | bigint | undefined, number | string | bigint>;

export type DataResourcesTable = {
  id: string;
  code: string;
  provider_department_id: string;
  region_code: string;
  source_kind: ResourceSourceKind;
  status: Defaulted<DataResourceStatus>;
  published_version: number | null;
  definition: ColumnType<DataResourceDefinition | null, string | null, string | null>;
  name: string;
  level: DataLevel;
  share_type: ShareType;
  open_type: OpenType;
  format: string;
  catalogue_type: string;
  themes: Defaulted<string[]>;
  search_text: Defaulted<string>;
  record_count: BigintText;
  records_updated_at: NullableTime;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type { DataResourceVersionStatus };

export type DataResourceVersionsTable = {
  resource_id: string;
  number: number;
  status: DataResourceVersionStatus;
  definition: ColumnType<DataResourceDefinition, string, string>;
  note: Defaulted<string>;
  created_by: string | null;
  created_at: Timestamp;
  submitted_at: NullableTime;
  decided_by: string | null;
  decided_at: NullableTime;
  decision_note: Defaulted<string>;
};

export type DataRecordsTable = {
  resource_id: string;
  record_key: string;
  data: ColumnType<Record<string, string | number | boolean | null>, string, string>;
  sealed: string | null;
  updated_at: Timestamp;
};

export type DataResourceActionsTable = {
  id: string;
  resource_id: string;
  action: DataResourceAction;
  version_number: number | null;
  actor_id: string | null;
  actor_name: string;
  note: Defaulted<string>;
  at: Timestamp;
};

export type DataSubLevelsTable = {
  level: DataLevel;
  code: string;
  name: string;
  description: Defaulted<string>;
  sort: Defaulted<number>;
};

export type CatalogueTables = {
  data_resources: DataResourcesTable;
  data_resource_versions: DataResourceVersionsTable;
  data_records: DataRecordsTable;
  data_resource_actions: DataResourceActionsTable;
  data_sub_levels: DataSubLevelsTable;
};

export type CatalogueDB = DB & CatalogueTables;
export type CatalogueRow<T extends keyof CatalogueTables> = Selectable<CatalogueTables[T]>;
export type NewCatalogueRow<T extends keyof CatalogueTables> = Insertable<CatalogueTables[T]>;

/** The same handle (database or transaction), seeing this domain's tables too. */
export function tables(db: Queryable): Kysely<CatalogueDB> {
  return (db as Kysely<DB>).withTables<CatalogueTables>();
}
