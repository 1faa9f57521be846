import type { Messages } from '../messages';
import type { seals as zh } from '../zh-CN/seals';

export const seals: Messages<typeof zh> = {
  intro: 'Make electronic seals for departments (an SM2 key pair and a seal image). Decision letters and licences carry the seal and an electronic signature; anyone can check offline with the published public keys that a document was not changed.',
  publicKeys: 'Public keys (for verifiers)',
  create: 'Make a seal',
  created: 'The seal has been made',
  empty: 'No electronic seals in your region yet. Make an administrative approval seal for each department that issues decisions or licences, and a licence seal for the licensing ones.',
  filters: { department: 'Filter by department', kind: 'Filter by kind of seal', status: 'Filter by status' },
  columns: { image: 'Image', seal: 'Seal', department: 'Department', kind: 'Kind', status: 'Status', keyId: 'Key ID', validity: 'Valid' },
  imageAlt: 'Image of {{name}}',
  validity: '{{from}} to {{to}}',
  notInForce: 'Outside its validity',
  revokedNote: '{{at}}: {{reason}}',
  form: {
    department: 'Department',
    kind: 'Kind of seal',
    name: 'Name on the seal',
    nameHelp: 'Leave empty for the department’s name followed by the kind, e.g. 云溪市市场监督管理局行政审批专用章',
    validFrom: 'Valid from',
    validTo: 'Valid until',
    validityHelp: 'Leave empty for five years from today',
    keyNote: 'Saving generates an SM2 key pair: the private key stays encrypted on the server and is shown to no one; the public key is published for checking signatures. A department has at most one seal of each kind in use.',
  },
  revoke: {
    action: 'Revoke',
    actionNamed: 'Revoke the seal {{name}}',
    title: 'Revoke the seal {{name}}',
    reason: 'Reason',
    reasonHelp: 'For example: seal lost, key compromised, department merged, replaced at expiry. The reason is published with the public key.',
    warning: 'A revoked seal cannot seal anything again, and revocation cannot be undone. Documents already sealed can still be checked; the check shows that the seal was revoked and when.',
    confirm: 'Revoke',
    done: 'The seal has been revoked',
  },
};
