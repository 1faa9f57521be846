import type { Messages } from '../messages';
import type { zhCN } from '../zh-CN';
import { common } from './common';
import { auth } from './auth';
import { portal } from './portal';
import { workbench } from './workbench';
import { cockpit } from './cockpit';
import { admin } from './admin';
import { services } from './services';
import { schemaForm } from './schema-form';
import { catalogue } from './catalogue';
import { cases } from './cases';
import { seals } from './seals';
import { identityCodes } from './identity-codes';
import { licenses } from './licenses';

export const enUS: Messages<typeof zhCN> = { common, auth, portal, workbench, cockpit, admin, services, schemaForm, catalogue, cases, seals, identityCodes, licenses };
