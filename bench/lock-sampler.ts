import pg from 'pg';

// What the server's transactions wait for while a scenario runs: every 20 ms, the backends waiting on a lock by kind
// (advisory = the audit chain lock, transactionid / tuple = a row another transaction holds, e.g. a case-number
// counter) and whether someone holds the audit chain lock at that instant.

const AUDIT_CHAIN_LOCK = 774_202; // server/src/kernel/audit/write.ts

export type LockSample = { samples: number; auditLockHeld: number; waiting: Record<string, number> };
export type LockReport = { samples: number; auditLockHeldShare: number; averageWaiting: Record<string, number> };

/** Starts sampling; `backendPid` is the sampler's own backend (left out of the database CPU count). */
export async function sampleLocks(databaseUrl: string): Promise<{ backendPid: number; stop: () => Promise<LockReport> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const backendPid = Number((await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid);
  const totals: LockSample = { samples: 0, auditLockHeld: 0, waiting: {} };
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ kind: string; n: string }>(`
        select 'wait:' || wait_event as kind, count(*) as n from pg_stat_activity where wait_event_type = 'Lock' group by wait_event
        union all
        select 'held', count(*) from pg_locks where locktype = 'advisory' and objid = ${AUDIT_CHAIN_LOCK} and granted`);
      totals.samples += 1;
      for (const r of rows) {
        if (r.kind === 'held') totals.auditLockHeld += Number(r.n) > 0 ? 1 : 0;
        else totals.waiting[r.kind.slice(5)] = (totals.waiting[r.kind.slice(5)] ?? 0) + Number(r.n);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.end();
  })();
  return {
    backendPid,
    stop: async () => {
      running = false;
      await loop;
      const n = Math.max(1, totals.samples);
      const averageWaiting = Object.fromEntries(Object.entries(totals.waiting).map(([kind, sum]) => [kind, Math.round((sum / n) * 10) / 10]));
      return { samples: totals.samples, auditLockHeldShare: Math.round((totals.auditLockHeld / n) * 100) / 100, averageWaiting };
    },
  };
}
