// The raw baseline of the 一网通办 scenarios: an online submission and the workbench queue page with nothing but
// Fastify and pg — no validation, no authorization rules, no history, audit, outbox or notice.
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';

type Session = { account_id: string; display_name: string; region_code: string | null; department_id: string | null };
type SessionOf = (authorization: string | undefined) => Promise<Session | undefined>;

const active = ['submitted', 'accepted', 'in_review', 'decided'];
const listColumns = 'id, case_number, item_version_id, item_name, handling_department_id, handling_department_name, status, current_step, channel, applicant_name, submitted_at, accepted_at, due_at, updated_at, version';

function beijingDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** GB/T 2260 prefix of a region: the digits that are not trailing zeros of its level. */
function regionPrefix(code: string): string {
  for (const zeros of [10, 8, 6, 3]) if (code.endsWith('0'.repeat(zeros))) return code.slice(0, 12 - zeros);
  return code;
}

export function registerCaseRoutes(app: FastifyInstance, pool: pg.Pool, sessionOf: SessionOf): void {
  // Submission: the version's facts, then the case number from the counter row and the case row in one transaction.
  app.post('/cases', async (req, reply) => {
    const session = await sessionOf(req.headers.authorization);
    if (!session) return reply.status(401).send({ error: 'unauthenticated' });
    const body = req.body as { itemVersionId: string; values: Record<string, unknown>; materialChoices: Record<string, string> };
    const { rows } = await pool.query(
      `select v.id, v.implementation_id, i.service_item_id, v.item_snapshot->>'name' as item_name, i.department_id, d.name as department_name,
              i.region_code, v.case_kind, v.promised_limit_days, v.promised_limit_unit, v.legal_limit_days, v.legal_limit_unit
         from service_item_versions v join service_item_implementations i on i.id = v.implementation_id join departments d on d.id = i.department_id
        where v.id = $1`,
      [body.itemVersionId],
    );
    const version = rows[0];
    if (!version) return reply.status(404).send({ error: 'not found' });
    const now = new Date();
    const day = beijingDate(now);
    const region6 = String(version.region_code).slice(0, 6);
    const id = crypto.randomUUID();
    const client = await pool.connect();
    try {
      await client.query('begin');
      const counter = await client.query(
        'insert into case_number_counters (region6, day, last) values ($1, $2, 1) on conflict (region6, day) do update set last = case_number_counters.last + 1 returning last',
        [region6, day],
      );
      const caseNumber = `${region6}${day.replace(/-/g, '')}O${String(counter.rows[0].last).padStart(6, '0')}`;
      await client.query(
        `insert into cases (id, case_number, tracking_code, item_version_id, implementation_id, service_item_id, item_name, department_id,
           handling_department_id, handling_department_name, region_code, channel, case_kind, status, current_step, step_role,
           applicant_type, applicant_account_id, applicant_name, filed_by, form_values, material_choices,
           promised_days, promised_unit, legal_days, legal_unit, submitted_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, 'online', $11, 'submitted', 'accept', 'clerk',
           'person', $12, $13, $12, $14, $15, $16, $17, $18, $19, $20)`,
        [
          id, caseNumber, crypto.randomBytes(16).toString('base64url'), version.id, version.implementation_id, version.service_item_id, version.item_name,
          version.department_id, version.department_name, version.region_code, version.case_kind, session.account_id, session.display_name,
          JSON.stringify(body.values), JSON.stringify(body.materialChoices), version.promised_limit_days, version.promised_limit_unit,
          version.legal_limit_days, version.legal_limit_unit, now,
        ],
      );
      await client.query('commit');
      reply.status(201);
      return { id, caseNumber, status: 'submitted' };
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  });

  // The queue page: the same four statements as Zhengtong's (page, total, band counts, paused count), in parallel,
  // over the same disjoint branches (one per role, the window's filings, countersign requests).
  app.get('/workbench/cases', async (req, reply) => {
    const session = await sessionOf(req.headers.authorization);
    if (!session?.department_id || !session.region_code) return reply.status(401).send({ error: 'unauthenticated' });
    const roles = (await pool.query('select role from account_roles where account_id = $1', [session.account_id])).rows.map((r) => r.role as string);
    const department = session.department_id;
    const params: unknown[] = [`${regionPrefix(session.region_code)}%`, department, roles, active];
    const branches = roles.map((_, i) => `region_code like $1 and handling_department_id = $2 and step_role = ($3::text[])[${i + 1}] and status = any($4)`);
    const isMine = '(handling_department_id = $2 and step_role = any($3)) is not true';
    if (roles.includes('clerk')) branches.push(`region_code like $1 and filed_department_id = $2 and status = 'submitted' and ${isMine}`);
    if (roles.some((r) => ['reviewer', 'handler', 'inspector'].includes(r))) {
      params.push(JSON.stringify([department]));
      branches.push(`region_code like $1 and current_step = 'countersign' and status = any($4) and countersign_pending @> $${params.length}::jsonb and ${isMine}`);
    }
    const n = params.length;
    const order = 'due_at asc nulls last, submitted_at asc nulls last, id';
    const runs = "status in ('accepted', 'in_review', 'decided') and due_at is not null";
    const bands = `count(*) as todo, count(*) filter (where ${runs} and due_at < $${n + 1}) as red,
      count(*) filter (where ${runs} and due_at >= $${n + 1} and due_at <= $${n + 2}) as yellow, count(*) filter (where ${runs} and due_at > $${n + 2}) as green`;
    const now = new Date();
    const yellowBefore = new Date(now.getTime() + 24 * 3600 * 1000);
    const [page, total, counts, paused] = await Promise.all([
      pool.query(`select * from (${branches.map((b) => `select * from (select ${listColumns} from cases where ${b} order by ${order} limit 20) as branch`).join(' union all ')}) as queue order by ${order} limit 20`, params),
      pool.query(`select coalesce(sum(n), 0) as n from (${branches.map((b) => `select count(*) as n from cases where ${b}`).join(' union all ')}) as queue`, params),
      pool.query(
        `select coalesce(sum(todo), 0) as todo, coalesce(sum(red), 0) as red, coalesce(sum(yellow), 0) as yellow, coalesce(sum(green), 0) as green
           from (${branches.map((b) => `select ${bands} from cases where ${b}`).join(' union all ')}) as queue`,
        [...params, now, yellowBefore],
      ),
      pool.query("select count(*) as n from cases where region_code like $1 and handling_department_id = $2 and status = 'suspended'", params.slice(0, 2)),
    ]);
    const b = counts.rows[0];
    return {
      items: page.rows,
      total: Number(total.rows[0].n),
      counts: { todo: Number(b.todo), red: Number(b.red), yellow: Number(b.yellow), green: Number(b.green), suspended: Number(paused.rows[0].n) },
    };
  });
}
