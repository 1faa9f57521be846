import pg from 'pg';
import type { Request, Scenario } from './types';

// The page behind every printed licence QR code: GET /api/licenses/verify/:id by anyone, no sign-in, each check
// logged. Ids are drawn at random from the licences in the database (the imported city stock), so the reads spread
// over the whole table as real scans would.

async function sampleIds(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('select id from licenses tablesample system (2) limit 5000');
    if (rows.length > 0) return rows.map((r) => r.id);
    return (await client.query<{ id: string }>('select id from licenses limit 5000')).rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

function randomChecks(pathOf: (id: string) => string, ids: readonly string[]): Request {
  return {
    path: pathOf(ids[0] ?? ''),
    method: 'GET',
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathOf(ids[Math.floor(Math.random() * ids.length)] ?? '') }) }],
  };
}

export const licenseVerification: Scenario = {
  name: 'licence verification',
  description: 'GET /api/licenses/verify/:id (public, logged) for random licences of the imported stock',
  connections: 50,
  async prepare({ databaseUrl }) {
    const ids = await sampleIds(databaseUrl);
    if (ids.length === 0) throw new Error('licence verification: no licences in the database');
    return { zhengtong: randomChecks((id) => `/api/licenses/verify/${id}`, ids), baseline: randomChecks((id) => `/licenses/verify/${id}`, ids) };
  },
};
