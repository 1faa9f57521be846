import type { Messages } from '../messages';
import type { zhCN } from '../zh-CN';
import { common } from './common';
import { auth } from './auth';
import { portal } from './portal';
import { workbench } from './workbench';
import { cockpit } from './cockpit';
import { admin } from './admin';

export const enUS: Messages<typeof zhCN> = { common, auth, portal, workbench, cockpit, admin };
