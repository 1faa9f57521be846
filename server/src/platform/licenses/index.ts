import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { licensesMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { onCaseCompleted } from './auto-issue';
import { EXPIRY_INTERVAL_SECONDS, EXPIRY_JOB, recordExpiries } from './expiry';
import { licenseRoutes } from './routes';
import { uploadRoutes } from './upload-routes';

// Other domains react to the outbox events license.issued {id, identifier, typeId, typeCode, issuerDepartmentId,
// holderType, holderAccountId, holderEnterpriseId, source, caseId}; license.suspended / license.restored /
// license.revoked / license.expired {id, identifier, typeCode, issuerDepartmentId, from, to, holderAccountId,
// holderEnterpriseId}; license.imported {typeId, typeCode, issuerDepartmentId, count, firstIdentifier,
// lastIdentifier, licenses: [{id, identifier}]}; license-grant.created / license-grant.revoked; license.used
// {licenseId, useId, basis, departmentId, caseId, caseNumber, purpose, holderAccountId, holderEnterpriseId}.

// 免证办 and use in a case (the cases domain): see README.md, "For other domains".
export { useLicenseForCase, readLicenseForCase, findValidLicense, type LicenseHolderRef, type UsedLicense } from './uses';
// 历史证照电子化 without HTTP (bench/, operators' scripts).
export { importLicenses, importTarget } from './import';
export { readImportFile, parseCsv, importHeaders, MAX_IMPORT_ROWS, type ImportRow } from './import-file';
// The demo city issues its sample licences through the same paths as staff.
export { createLicenseType } from './types';
export { issueLicense } from './manual';
export { changeLicenseStatus } from './status';
export { licenseIdByIdentifier } from './repo';

registerMessages(licensesMessages);

/** 电子证照: licence types, issuance, verification, the holder's wallet and grants. */
export default fp(
  async function licenses(app: FastifyInstance) {
    licenseRoutes(app);
    uploadRoutes(app);
    // 自动签发: an approved completion of a mapped service item issues the licence (platform sits below services, so
    // it listens to the event instead of being called).
    app.kernel.outbox.subscribe('case.completed', onCaseCompleted(app.kernel.keys, app.log.child({ domain: 'licenses' })));
    app.kernel.jobs.every(EXPIRY_JOB, EXPIRY_INTERVAL_SECONDS, async (tx) => {
      await recordExpiries(tx);
    });
  },
  { name: 'licenses', dependencies: ['identity', 'departments', 'seals'] },
);
