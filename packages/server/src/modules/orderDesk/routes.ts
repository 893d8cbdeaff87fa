import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema, messageSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { returnWire } from '../commerce';
import {
  cancelOrder,
  changeAddress,
  resendInvoice,
  sendCard,
  sendCoupon,
  startRefund,
  startReturn,
} from './orderActions';
import {
  addressRequestSchema,
  cardRequestSchema,
  couponRequestSchema,
  orderParamsSchema,
  orderViewSchema,
  reasonRequestSchema,
  returnRequestSchema,
} from './schemas';

/** The orders panel's API: the shopper's orders in a conversation, and what an agent may do with them. */
export const orderDeskRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'orderDesk'>;
}> = async (app, { services }) => {
  const canRead = requireAgent(services.auth, 'orders:read');
  const canAct = requireAgent(services.auth, 'orders:act');
  const desk = services.orderDesk;
  const tags = ['agent: orders'];
  const errors = {
    400: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
    503: errorResponseSchema,
  };
  const sent = { 201: z.object({ message: messageSchema }), ...errors };
  const base = '/api/v1/agent/conversations/:id';
  const orderBase = `${base}/orders/:orderNumber`;
  const target = (params: { id: string; orderNumber: string }) => ({
    conversationId: params.id,
    orderNumber: params.orderNumber,
  });

  app.get(
    `${base}/orders`,
    {
      onRequest: canRead,
      schema: {
        tags,
        summary:
          "The customer's orders (linked shop account and orders named in the chat) with parcels, returns, refunds",
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ orders: z.array(orderViewSchema) }), ...errors },
      },
    },
    async (request) => ({ orders: await desk.listOrders(agentOf(request), request.params.id) }),
  );

  app.post(
    `${orderBase}/returns`,
    {
      onRequest: canAct,
      schema: {
        tags,
        summary: 'Start a return or exchange (the return order and its address are sent to the shopper)',
        security: bearerSecurity,
        params: orderParamsSchema,
        body: returnRequestSchema,
        response: { 201: z.object({ returnOrder: returnWire, message: messageSchema }), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startReturn(desk, agentOf(request), target(request.params), request.body)),
  );

  const reasoned = [
    { path: 'refunds', summary: 'Start a refund to the original payment method', run: startRefund },
    { path: 'cancel', summary: 'Cancel the order', run: cancelOrder },
  ] as const;
  for (const { path, summary, run } of reasoned)
    app.post(
      `${orderBase}/${path}`,
      {
        onRequest: canAct,
        schema: {
          tags,
          summary,
          security: bearerSecurity,
          params: orderParamsSchema,
          body: reasonRequestSchema,
          response: sent,
        },
      },
      async (request, reply) => {
        const message = await run(desk, agentOf(request), target(request.params), request.body.reason);
        return reply.status(201).send({ message });
      },
    );

  app.put(
    `${orderBase}/address`,
    {
      onRequest: canAct,
      schema: {
        tags,
        summary: 'Change the delivery address (before dispatch)',
        security: bearerSecurity,
        params: orderParamsSchema,
        body: addressRequestSchema,
        response: sent,
      },
    },
    async (request, reply) => {
      const message = await changeAddress(
        desk,
        agentOf(request),
        target(request.params),
        request.body.address,
      );
      return reply.status(201).send({ message });
    },
  );

  app.post(
    `${orderBase}/invoice`,
    {
      onRequest: canAct,
      schema: {
        tags,
        summary: 'Send the invoice again',
        security: bearerSecurity,
        params: orderParamsSchema,
        response: sent,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ message: await resendInvoice(desk, agentOf(request), target(request.params)) }),
  );

  app.post(
    `${base}/coupons`,
    {
      onRequest: canAct,
      schema: {
        tags,
        summary: 'Send the shopper a coupon the shop offers them',
        security: bearerSecurity,
        params: idParamSchema,
        body: couponRequestSchema,
        response: sent,
      },
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const shopCustomerId = await desk.shopCustomerOf(agent, request.params.id);
      const message = await sendCoupon(desk, agent, request.params.id, request.body.code, shopCustomerId);
      return reply.status(201).send({ message });
    },
  );

  app.post(
    `${base}/cards`,
    {
      onRequest: canAct,
      schema: {
        tags,
        summary: 'Send an order card or a product card into the chat',
        security: bearerSecurity,
        params: idParamSchema,
        body: cardRequestSchema,
        response: sent,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ message: await sendCard(desk, agentOf(request), request.params.id, request.body) }),
  );
};
