import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createPositionInput, positionView, updatePositionInput } from '@zhengtong/contracts';
import { createPosition, deletePosition, listPositions, updatePosition } from './positions';

const tags = ['departments'];
const departmentParam = z.object({ id: z.uuid('invalid_format') });
const positionParam = z.object({ id: z.uuid('invalid_format'), positionId: z.uuid('invalid_format') });

export function positionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/departments/:id/positions', {
    config: { access: 'staff.read' },
    schema: { tags, summary: '岗位列表 (positions of one department)', params: departmentParam, response: { 200: z.object({ items: z.array(positionView) }) } },
  }, async (req) => listPositions(kernel, { actor: req.actor, departmentId: req.params.id }));

  r.post('/api/departments/:id/positions', {
    config: { access: 'department.manage', idempotent: true },
    schema: { tags, summary: '新增岗位 (name unique within the department; the department must be active)', params: departmentParam, body: createPositionInput, response: { 201: positionView } },
  }, async (req, reply) => {
    reply.status(201);
    return createPosition(kernel, { actor: req.actor, departmentId: req.params.id, input: req.body });
  });

  r.patch('/api/departments/:id/positions/:positionId', {
    config: { access: 'department.manage' },
    schema: { tags, summary: '修改岗位 (optimistic: send the version you read)', params: positionParam, body: updatePositionInput, response: { 200: positionView } },
  }, async (req) => updatePosition(kernel, { actor: req.actor, departmentId: req.params.id, positionId: req.params.positionId, input: req.body }));

  r.delete('/api/departments/:id/positions/:positionId', {
    config: { access: 'department.manage' },
    schema: { tags, summary: '删除岗位 (refused with IN_USE while staff hold it)', params: positionParam, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deletePosition(kernel, { actor: req.actor, departmentId: req.params.id, positionId: req.params.positionId });
    return reply.status(204).send(null);
  });
}
