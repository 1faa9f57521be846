import type { Kysely } from 'kysely';
import type { Kernel } from '../kernel/context';
import type { DB } from '../kernel/db';
import { systemActor } from '../kernel/authz';
import { audit, inTransaction } from '../kernel/audit';
import { newId } from '../kernel/ids';
import { hashPassword, protect } from '../platform/identity';
import { createStaffAccount } from '../platform/identity';
import { loadOfficialCalendar } from '../platform/calendar';
import { demoRegions } from './regions';
import { seedDemoServiceItems } from './service-items';
import { seedDemoSeals } from './seals';
import { seedDemoLicenses } from './licenses';
import { seedDemoDataCatalogue } from './data-catalogue';
import { seedDemoRegistries } from './data-registries';
import { seedDemoExchange } from './data-exchange';
import { seedDemoOpenData } from './data-open';
import { seedDemoAggregate } from './data-aggregate';
import { DEMO_PASSWORD, demoCitizens, demoDepartments, demoEnterprises, demoIdNumber, demoStaff, departmentCreditCode, enterpriseCreditCode } from './people';

export { DEMO_PASSWORD } from './people';
export { seedDemoCaseHistory } from './case-history';

/** The demo city goes only into a database with no accounts: the same product runs with an empty city. */
export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const any = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  return !any;
}

/** Seeds 云溪市 and returns the demo accounts as printable lines. */
export async function seedDemoCity(kernel: Kernel): Promise<string> {
  const actor = systemActor('demo-seed');
  const db = kernel.db;
  await loadOfficialCalendar(kernel, actor);

  await inTransaction(db, async (tx) => {
    for (const r of demoRegions()) {
      await tx.insertInto('regions').values({ code: r.code, name: r.name, level: r.level, parent_code: r.parent }).execute();
    }
    await audit(tx, actor, { action: 'demo.regions', detail: { count: demoRegions().length } });
  });

  const departmentIds = new Map<string, string>();
  const positionIds = new Map<string, string>();
  await inTransaction(db, async (tx) => {
    for (const [i, d] of demoDepartments.entries()) {
      const id = newId();
      departmentIds.set(d.key, id);
      await tx
        .insertInto('departments')
        .values({ id, name: d.name, short_name: d.shortName, credit_code: departmentCreditCode(d.region, d.orgBase), region_code: d.region, sort: i })
        .execute();
      for (const [j, name] of d.positions.entries()) {
        const positionId = newId();
        positionIds.set(`${d.key}/${name}`, positionId);
        await tx.insertInto('positions').values({ id: positionId, department_id: id, name, sort: j }).execute();
      }
    }
    await audit(tx, actor, { action: 'demo.departments', detail: { count: demoDepartments.length } });
  });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const s of demoStaff) {
    const department = demoDepartments.find((d) => d.key === s.department);
    const departmentId = departmentIds.get(s.department);
    if (!department || !departmentId) throw new Error(`demo staff ${s.username}: unknown department ${s.department}`);
    await createStaffAccount(kernel, actor, {
      username: s.username,
      name: s.name,
      departmentId,
      regionCode: s.region ?? department.region,
      positionId: s.position ? (positionIds.get(`${s.department}/${s.position}`) ?? null) : null,
      phone: s.phone,
      passwordHash,
      roles: s.roles,
      // Demo accounts start ready to use; real staff accounts must change their initial password.
      mustChangePassword: false,
    });
  }
  await seedDemoSeals(kernel);

  const citizenIds: string[] = [];
  await inTransaction(db, async (tx) => {
    for (const c of demoCitizens) {
      const accountId = newId();
      citizenIds.push(accountId);
      const idNumber = demoIdNumber(c.region6, c.birth, c.seq);
      const id = protect(kernel.keys, 'idNumber', idNumber);
      const phone = protect(kernel.keys, 'phone', c.phone);
      await tx.insertInto('accounts').values({ id: accountId, type: 'citizen', display_name: c.name, password_hash: passwordHash, real_name_level: 2 }).execute();
      await tx
        .insertInto('persons')
        .values({
          account_id: accountId,
          name: c.name,
          id_number_enc: id.enc,
          id_number_idx: id.idx,
          phone_enc: phone.enc,
          phone_idx: phone.idx,
          gender: c.seq % 2 === 1 ? 'male' : 'female',
          birth_date: c.birth,
          region_code: `${c.region6}000000`,
        })
        .execute();
      await tx.insertInto('login_keys').values([
        { kind: 'idNumber', key: id.idx, account_id: accountId },
        { kind: 'phone', key: phone.idx, account_id: accountId },
      ]).execute();
    }
    for (const e of demoEnterprises) {
      const accountId = newId();
      const creditCode = enterpriseCreditCode(e);
      const rep = demoCitizens[e.legalRep];
      if (!rep) throw new Error('demo enterprise without legal representative');
      const repId = protect(kernel.keys, 'idNumber', demoIdNumber(rep.region6, rep.birth, rep.seq));
      await tx.insertInto('accounts').values({ id: accountId, type: 'enterprise', display_name: e.name, password_hash: passwordHash, real_name_level: 2 }).execute();
      const enterpriseId = newId();
      await tx
        .insertInto('enterprises')
        .values({ id: enterpriseId, account_id: accountId, name: e.name, credit_code: creditCode, legal_rep_name: rep.name, legal_rep_id_enc: repId.enc, legal_rep_id_idx: repId.idx, region_code: e.region12, address: e.address })
        .execute();
      await tx.insertInto('login_keys').values({ kind: 'creditCode', key: creditCode, account_id: accountId }).execute();
      // 王芳 is the authorised agent (经办人) of the first enterprise.
      const agent = citizenIds[3];
      if (e === demoEnterprises[0] && agent) {
        await tx.insertInto('enterprise_agents').values({ id: newId(), enterprise_id: enterpriseId, person_account_id: agent, granted_by: accountId }).execute();
      }
    }
    await audit(tx, actor, { action: 'demo.accounts', detail: { citizens: demoCitizens.length, enterprises: demoEnterprises.length } });
  });
  await seedDemoServiceItems(kernel);
  await seedDemoLicenses(kernel);
  // The data backbone: the catalogue first (the others find their resources in it).
  await seedDemoDataCatalogue(kernel);
  await seedDemoRegistries(kernel);
  await seedDemoExchange(kernel);
  await seedDemoOpenData(kernel);
  await seedDemoAggregate(kernel);

  return demoAccountLines();
}

export function demoAccountLines(): string {
  const staff = demoStaff.map((s) => `  ${s.username.padEnd(14)} ${s.roles.join(',')}`);
  const citizen = demoCitizens[0];
  const enterprise = demoEnterprises[0];
  return [
    `  password for every demo account: ${DEMO_PASSWORD}`,
    ...staff,
    citizen ? `  ${citizen.phone}    citizen ${citizen.name} (or ID ${demoIdNumber(citizen.region6, citizen.birth, citizen.seq)})` : '',
    enterprise ? `  ${enterpriseCreditCode(enterprise)} enterprise ${enterprise.name}` : '',
  ].join('\n');
}
