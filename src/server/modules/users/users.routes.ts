import { createRoute, z } from '@hono/zod-openapi';
import { User, UserCreate, UserList, UserRoleChange } from '../../../shared/contracts/users.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { errors, json, jsonBody, named, router } from '../../http/openapi.ts';
import { createUser, findUsers, setUserRole } from './users.service.ts';

const UserSchema = named(User, 'User');
const tags = ['Users'];

export function userRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'All users (administrators)',
        responses: { 200: json(UserList.extend({ items: z.array(UserSchema) }).openapi('UserPage')), ...errors('UNAUTHENTICATED', 'FORBIDDEN') },
      }),
      async (c) => {
        const items = await findUsers(db, actorOf(c));
        return c.json({ items, total: items.length }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create a local account with a role and its scope',
        request: { body: jsonBody(named(UserCreate, 'UserCreate')) },
        responses: { 201: json(UserSchema, 'Created'), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT') },
      }),
      async (c) => c.json(await createUser(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/role',
        tags,
        summary: "Change a user's role and scope",
        request: { params: z.object({ id: z.uuid() }), body: jsonBody(named(UserRoleChange, 'UserRoleChange')) },
        responses: { 200: json(UserSchema), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT') },
      }),
      async (c) => c.json(await setUserRole(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    );
}
