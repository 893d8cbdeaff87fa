import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { KefuError } from '../../errors';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import type { FastifyRequest } from 'fastify';
import { clientAddressOf } from '../../http/requestLimits';
import { recordAudit } from '../audit';
import { maskEmail, maskPhone } from '../privacy';
import type { CustomerProfile } from './service';
import { getCustomerProfile } from './service';

const customerProfileSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string().nullable(),
  vipTier: z.string(),
  tags: z.array(z.string()),
  identities: z.array(z.object({ channel: z.string(), externalId: z.string(), lastSeenAt: z.string() })),
  createdAt: z.string(),
  /** True when name, phone and e-mail are shown as 138****1234 (revealing them is a separate, audited call). */
  masked: z.boolean(),
});

export const customerRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'conversations' | 'database' | 'clock'>;
}> = async (app, { services }) => {
  const visibleProfile = async (request: FastifyRequest, customerId: string) => {
    // The same 404 as an unknown id: a plain agent learns nothing of customers outside their conversations.
    if (!(await services.conversations.canAgentSeeCustomer(agentOf(request), customerId)))
      throw new KefuError('customer_not_found');
    return getCustomerProfile(services.database.db, customerId);
  };

  app.get(
    '/api/v1/agent/customers/:id',
    {
      onRequest: requireAgent(services.auth, 'customers:read'),
      schema: {
        tags: ['agent: customers'],
        summary: 'A customer profile with their identities on each channel',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ customer: customerProfileSchema }), 404: errorResponseSchema },
      },
    },
    async (request) => ({
      customer: { ...maskProfile(await visibleProfile(request, request.params.id)), masked: true },
    }),
  );

  app.post(
    '/api/v1/agent/customers/:id/reveal',
    {
      onRequest: requireAgent(services.auth, 'customers:reveal'),
      schema: {
        tags: ['agent: customers'],
        summary: "The customer's name, phone and e-mail unmasked; every reveal is in the audit log",
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ customer: customerProfileSchema }), 404: errorResponseSchema },
      },
    },
    async (request) => {
      const profile = await visibleProfile(request, request.params.id);
      await recordAudit(
        services.database.db,
        {
          actorType: 'agent',
          actorId: agentOf(request).id,
          action: 'customer.revealed',
          targetType: 'customer',
          targetId: profile.id,
          data: { fields: revealedFields(profile), address: clientAddressOf(request) },
        },
        services.clock.now(),
      );
      return { customer: { ...profile, masked: false } };
    },
  );
};

/**
 * Phone and e-mail are masked; the name stays, because it is how agents address the shopper (陈女士, "Ms Chen") and
 * the shopper gave it to be used in the chat.
 */
function maskProfile(profile: CustomerProfile): CustomerProfile {
  return {
    ...profile,
    email: profile.email === null ? null : maskEmail(profile.email),
    phone: profile.phone === null ? null : maskPhone(profile.phone),
  };
}

/** Which fields a reveal showed (never their values). */
function revealedFields(profile: CustomerProfile): string[] {
  return (['displayName', 'email', 'phone'] as const).filter((field) => profile[field] !== null);
}
