import { isRegistrySystem, registrySystemNames, type Locale } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { findDepartment } from '../../platform/departments';
import { tables } from './tables';
import type { Holders } from './resolve';

// Sources by name: a department's short name, or a system's name with the department that holds it.

export async function loadHolders(db: Queryable): Promise<Holders> {
  const rows = await tables(db).selectFrom('registry_systems').select(['key', 'department_id']).execute();
  return new Map(rows.map((r) => [r.key, r.department_id]));
}

export type SourceLabel = { name: string; heldByName: string | null };

/** Names of sources and departments, looked up once per request. */
export class SourceNames {
  private readonly departments = new Map<string, Promise<string | null>>();

  constructor(
    private readonly db: Queryable,
    private readonly locale: Locale,
    private readonly holders: Holders,
  ) {}

  department(id: string): Promise<string | null> {
    let found = this.departments.get(id);
    if (!found) {
      found = findDepartment(this.db, id).then((d) => (d ? (d.short_name ?? d.name) : null));
      this.departments.set(id, found);
    }
    return found;
  }

  async departmentName(id: string | null): Promise<string | null> {
    return id ? this.department(id) : null;
  }

  async label(source: string): Promise<SourceLabel> {
    if (isRegistrySystem(source)) {
      const holder = this.holders.get(source) ?? null;
      return { name: registrySystemNames[source][this.locale], heldByName: holder ? await this.department(holder) : null };
    }
    return { name: (await this.department(source)) ?? source, heldByName: null };
  }

  async name(source: string): Promise<string> {
    return (await this.label(source)).name;
  }
}
