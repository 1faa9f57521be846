export { registerProblemHandlers, sendProblem, problemBody } from './problem';
export { registerRouteGuard } from './route-guard';
export { registerOriginCheck } from './origin-check';
export { registerIdempotency } from './idempotency';
export type { RouteAccess } from './fastify-types';
