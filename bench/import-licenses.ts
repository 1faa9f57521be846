import { sql } from 'kysely';
import { makeCreditCode } from '@zhengtong/contracts';
import { buildApp } from '../server/src/app';
import { systemActor } from '../server/src/kernel/authz';
import { loadConfig } from '../server/src/kernel/config';
import { importLicenses, type ImportRow } from '../server/src/platform/licenses';

/**
 * 历史证照电子化 at city scale: the demo city's 市场监管局 imports its paper 营业执照 stock (BENCH_LICENSES, default
 * 300,000) through the real import — row checks, re-import detection, identifiers, SM2 signing with its 证照专用章 on
 * worker threads, batched inserts, audit — in the bench process, against the server's database and data directory
 * (for the master key that opens the seal's private key). The imported licences are then the ones the verification
 * scenario checks.
 */

export type LicenseImportResult = { imported: number; invalid: number; seconds: number; perSecond: number };

const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The n-th distinct 统一社会信用代码 of a 个体工商户 registered in the city (92 + 539902 + 8-character base). */
function creditCodeOf(n: number): string {
  let base = '';
  for (let rest = n, i = 0; i < 8; i += 1, rest = Math.floor(rest / ORG_ALPHABET.length)) base = `${ORG_ALPHABET[rest % ORG_ALPHABET.length]}${base}`;
  return makeCreditCode('92539902', base);
}

function historicalRow(n: number): ImportRow {
  const year = 2000 + (n % 25);
  const day = `${year}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
  return {
    row: n + 2,
    originalNumber: `539902${String(600000000 + n)}`,
    holderName: `云溪市澜沧区${n}号便民商店`,
    holderNumber: creditCodeOf(n),
    validFrom: day,
    validTo: '',
    issuedOn: day,
    fields: { entityType: '个体工商户', legalRepresentative: '经营者', registeredCapital: '', registeredOn: day, address: `云溪市澜沧区翠湖路 ${n} 号`, businessScope: '日用百货零售;预包装食品销售' },
  };
}

export async function importLicenseStock(databaseUrl: string, dataDir: string, count: number, log: (line: string) => void): Promise<LicenseImportResult> {
  const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent', RUN_WORKERS: 'false' }, { databaseUrl, dataDir, webDist: '/nonexistent' });
  const app = await buildApp(config, { isMigrated: true, logger: false });
  try {
    const { rows: types } = await sql<{ id: string }>`select id from license_types where code = '301'`.execute(app.kernel.db);
    const typeId = types[0]?.id;
    if (!typeId) throw new Error('the demo city has no 营业执照 (301) licence type');
    const rows = Array.from({ length: count }, (_, n) => historicalRow(n));
    log(`importing ${count.toLocaleString('en')} historical 营业执照 …`);
    const started = Date.now();
    const report = await importLicenses(app.kernel, { actor: systemActor('历史证照电子化'), typeId, rows });
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    if (report.issued + report.existing !== count) log(`  ${report.invalid} rows refused: ${JSON.stringify(report.rows.slice(0, 3))}`);
    return { imported: report.issued, invalid: report.invalid, seconds, perSecond: Math.round(report.issued / seconds) };
  } finally {
    await app.close();
  }
}
