import type { Messages } from '../messages';
import type { workbench as zh } from '../zh-CN/workbench';

export const workbench: Messages<typeof zh> = {
  home: {
    title: 'Workbench',
    greeting: 'Hello, {{name}}. These are the functions your roles allow.',
    department: 'Department:',
    roles: 'Roles:',
    noRoles: 'No roles yet; ask your security administrator',
    tilesTitle: 'My functions',
    cockpitText: 'Accounts, sign-ins and audit activity on the platform',
    personsText: 'Look up a person by ID number (every lookup is recorded and shown to the person)',
    securityText: 'Change password, set up the one-time code, sign out everywhere',
    totpSuggestion: 'Your account has no one-time code yet. With two-factor sign-in, nobody can use your account even with your password.',
    fewTiles: 'Business functions will appear here for your roles as each module goes live.',
  },
  persons: {
    title: 'Identity lookup',
    intro: 'Exact lookup by ID number. The reason is recorded in the audit trail and shown to the person in their data use record.',
    purpose: 'Reason',
    purposeHelp: 'e.g. replacing a social security card (case no. …)',
    result: 'Result',
    notFound: 'No registered person has this ID number.',
    unmask: 'Show full details',
    unmaskedNote: 'Full details are shown; this view has been recorded.',
  },
};
