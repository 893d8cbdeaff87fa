import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { permissionSchema } from './customRoles';
import { builtInRolePermissions, permissionNames } from './permissions';

const customRoleSchema = z.object({
  id: z.string(),
  name: z.string(),
  permissions: z.array(permissionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const roleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    permissions: z.array(permissionSchema).max(permissionNames.length),
  })
  .strict();

/** Built-in roles and the custom roles admins define from named permissions. */
export const roleRoutes: FastifyPluginAsyncZod<{ services: KefuServices }> = async (app, { services }) => {
  app.addHook('onRequest', requireAgent(services.auth, 'agents:manage'));
  const tags = ['admin: roles'];
  const roles = services.customRoles;

  app.get(
    '/api/v1/admin/roles',
    {
      schema: {
        tags,
        summary: 'Every permission, the built-in roles with theirs, and the custom roles',
        security: bearerSecurity,
        response: {
          200: z.object({
            permissions: z.array(permissionSchema),
            builtIn: z.array(z.object({ role: z.string(), permissions: z.array(permissionSchema) })),
            custom: z.array(customRoleSchema),
          }),
        },
      },
    },
    async () => ({
      permissions: [...permissionNames],
      builtIn: Object.entries(builtInRolePermissions).map(([role, permissions]) => ({
        role,
        permissions: [...permissions],
      })),
      custom: await roles.list(),
    }),
  );

  app.post(
    '/api/v1/admin/roles',
    {
      schema: {
        tags,
        summary: 'Define a custom role',
        security: bearerSecurity,
        body: roleInputSchema,
        response: { 201: z.object({ role: customRoleSchema }), 409: errorResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ role: await roles.create(request.body, agentOf(request).id) }),
  );

  app.put(
    '/api/v1/admin/roles/:id',
    {
      schema: {
        tags,
        summary: 'Rename a custom role or change its permissions (its agents have the new ones at once)',
        security: bearerSecurity,
        params: idParamSchema,
        body: roleInputSchema,
        response: {
          200: z.object({ role: customRoleSchema }),
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request) => ({ role: await roles.update(request.params.id, request.body, agentOf(request).id) }),
  );

  app.delete(
    '/api/v1/admin/roles/:id',
    {
      schema: {
        tags,
        summary: 'Delete a custom role no agent holds',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 204: z.null(), 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      await roles.remove(request.params.id, agentOf(request).id);
      return reply.status(204).send(null);
    },
  );
};
