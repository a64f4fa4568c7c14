import { createRoute, z } from '@hono/zod-openapi';
import { PasswordReset, User, UserCreate, UserList, UserListQuery, UserRoleChange, UserUpdate } from '../../../shared/contracts/users.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { errors, json, jsonBody, named, router } from '../../http/openapi.ts';
import { createUser, findUsers, getUser, resetPassword, setUserRole, updateUser } from './users.service.ts';

const UserSchema = named(User, 'User');
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const tags = ['Users'];

export function userRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Users (administrators), by e-mail address; filtered by role, office, active, words of the name or e-mail',
        request: { query: UserListQuery },
        responses: { 200: json(UserList.extend({ items: z.array(UserSchema) }).openapi('UserPage')), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN') },
      }),
      async (c) => {
        const items = await findUsers(db, actorOf(c), c.req.valid('query'));
        return c.json({ items, total: items.length }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create a local account with a role, its scope, a language and a temporary password',
        request: { body: jsonBody(named(UserCreate, 'UserCreate')) },
        responses: { 201: json(UserSchema, 'Created'), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT') },
      }),
      async (c) => c.json(await createUser(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'One user',
        request: { params: IdParam },
        responses: { 200: json(UserSchema), ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') },
      }),
      async (c) => c.json(await getUser(db, c.req.valid('param').id, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: "Change what is sent of a user: name, e-mail, role and scope, language, active (false ends the user's sessions)",
        request: { params: IdParam, body: jsonBody(named(UserUpdate, 'UserUpdate')) },
        responses: { 200: json(UserSchema), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT') },
      }),
      async (c) => c.json(await updateUser(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/role',
        tags,
        summary: "Change a user's role and scope",
        request: { params: IdParam, body: jsonBody(named(UserRoleChange, 'UserRoleChange')) },
        responses: { 200: json(UserSchema), ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT') },
      }),
      async (c) => c.json(await setUserRole(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/password',
        tags,
        summary: "Set a temporary password for a user (not your own: change yours on your account); the user's sessions end",
        request: { params: IdParam, body: jsonBody(named(PasswordReset, 'PasswordReset')) },
        responses: { 204: { description: 'Set' }, ...errors('INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND') },
      }),
      async (c) => {
        await resetPassword(db, c.req.valid('param').id, c.req.valid('json').password, actorOf(c));
        return c.body(null, 204);
      },
    );
}
