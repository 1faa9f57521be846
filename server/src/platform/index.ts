import type { FastifyPluginAsync } from 'fastify';
import identity from './identity';
import regions from './regions';
import departments from './departments';
import calendar from './calendar';
import oidc from './oidc';
import audit from './audit';
import security from './security';
import overview from './overview';
import seals from './seals';
import licenses from './licenses';
import identityCodes from './identity-codes';

/** Platform domains in dependency order; identity first, since it resolves who is asking. */
export const platformPlugins: FastifyPluginAsync[] = [identity, regions, departments, calendar, oidc, audit, security, overview, seals, licenses, identityCodes];
