import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export { findDepartment, findPosition } from './repo';

/** Departments (部门) with their 统一社会信用代码, and positions (岗位) inside them. */
export default fp(
  async function departments(_app: FastifyInstance) {
    // routes: see routes.ts (added with the admin screens)
  },
  { name: 'departments', dependencies: ['identity'] },
);
