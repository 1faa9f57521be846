/**
 * The raw baseline: the same work as Zhengtong's routes with nothing but Fastify and pg — no validation
 * schemas, no authorization layer, no audit chain. The ratio Zhengtong ÷ baseline is what the platform's
 * safety costs. Runs as its own process: `tsx bench/baseline.ts` with DATABASE_URL and PORT.
 */
import crypto from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { verify } from '@node-rs/argon2';
import { registerCaseRoutes } from './baseline-cases';
import { registerExchangeRoutes } from './baseline-exchange';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

app.post('/login', async (req, reply) => {
  const { username, password } = req.body as { username: string; password: string };
  const { rows } = await pool.query('select a.id, a.password_hash from login_keys k join accounts a on a.id = k.account_id where k.kind = $1 and k.key = $2', ['username', username]);
  const account = rows[0] as { id: string; password_hash: string } | undefined;
  if (!account || !(await verify(account.password_hash, password))) return reply.status(401).send({ error: 'invalid' });
  const token = crypto.randomBytes(32).toString('base64url');
  const id = crypto.createHash('sm3').update(`session:${token}`).digest('hex');
  await pool.query("insert into sessions (id, account_id, expires_at) values ($1, $2, now() + interval '30 minutes')", [id, account.id]);
  return { token };
});

/** The session behind a bearer token, derived the way Zhengtong derives it (so its tokens work here too). */
async function sessionOf(authorization: string | undefined) {
  const token = (authorization ?? '').slice(7);
  const id = crypto.createHash('sm3').update(`session:${token}`).digest('hex');
  const { rows } = await pool.query(
    'select s.account_id, a.display_name, a.type, st.region_code, st.department_id from sessions s join accounts a on a.id = s.account_id left join staff st on st.account_id = a.id where s.id = $1 and s.ended_at is null and s.expires_at > now()',
    [id],
  );
  return rows[0] as { account_id: string; display_name: string; type: string; region_code: string | null; department_id: string | null } | undefined;
}

app.get('/me', async (req, reply) => {
  const session = await sessionOf(req.headers.authorization);
  if (!session) return reply.status(401).send({ error: 'unauthenticated' });
  const roles = await pool.query('select role from account_roles where account_id = $1', [session.account_id]);
  return { ...session, roles: roles.rows.map((r) => r.role) };
});

registerCaseRoutes(app, pool, sessionOf);
registerExchangeRoutes(app, pool);

// Public licence check: the licence's public facts, and one log row per check.
app.get('/licenses/verify/:id', async (req, reply) => {
  const { id } = req.params as { id: string };
  const { rows } = await pool.query(
    'select id, identifier, type_name, holder_type, holder_name, issuer_name, valid_from, valid_to, status, status_changed_at from licenses where id = $1',
    [id],
  );
  const license = rows[0] as { id: string; status: string } | undefined;
  await pool.query("insert into license_verifications (license_id, channel, result, ip, user_agent) values ($1, 'online', $2, $3, $4)", [license?.id ?? null, license?.status ?? 'notFound', req.ip, req.headers['user-agent'] ?? null]);
  if (!license) return reply.status(404).send({ error: 'not found' });
  return license;
});

await app.listen({ port: Number(process.env.PORT ?? 8091), host: '127.0.0.1' });
process.stdout.write('baseline ready\n');
process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
