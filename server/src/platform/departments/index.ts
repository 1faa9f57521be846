import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { departmentRoutes } from './routes';

export { findDepartment, findPosition } from './repo';
export { getDepartment, listDepartments } from './service';
export { listPositions } from './positions';
export { countDepartmentsByRegion } from './stats';
export { departmentAncestorIds, findDepartmentByCreditCode, listDepartmentTree } from './public-api';

/** Departments (部门) with their 统一社会信用代码, and positions (岗位) inside them. */
export default fp(
  async function departments(app: FastifyInstance) {
    departmentRoutes(app);
  },
  { name: 'departments', dependencies: ['identity', 'regions'] },
);
