import { toSimplified } from '@kefu/nlu';
import { z } from 'zod';
import type { EventJobs } from '../../events/eventJobs';
import { MarketingConsents } from './marketingConsent';
import { OfferRules } from './offerRules';
import type { OfferSenderDependencies } from './offerSender';
import { OfferSender, sendOfferJob } from './offerSender';
import { OfferTracking } from './offerTracking';
import { marketingOptOutPattern } from './optOutWords';

export type MarketingInput = Omit<OfferSenderDependencies, 'rules' | 'consents'>;

export function createMarketingModule(input: MarketingInput) {
  const rules = new OfferRules(input.db, input.clock);
  const consents = new MarketingConsents(input.db, input.clock);
  return {
    rules,
    consents,
    sender: new OfferSender({ ...input, rules, consents }),
    tracking: new OfferTracking(input.db, input.clock, rules),
    jobs: input.jobs,
  };
}

export type MarketingModule = ReturnType<typeof createMarketingModule>;

const sendOfferPayloadSchema = z.object({ offerId: z.string().min(1) });

/**
 * A resolved conversation may schedule an offer (once per resolution); each offer is sent by its own job. A
 * shopper's 退订 / unsubscribe is recorded whoever serves the conversation (the bot, an agent, or nobody after it
 * was resolved — the usual moment, in answer to an offer).
 */
export function startMarketingModule(module: MarketingModule, eventJobs: EventJobs): void {
  module.jobs.register(sendOfferJob, {
    schema: sendOfferPayloadSchema,
    run: ({ offerId }, context) => module.sender.send(offerId, context),
  });
  eventJobs.listen('conversation.resolved', 'marketing.schedule_offer', ({ payload }) =>
    module.sender.scheduleAfterResolution(payload.conversation),
  );
  eventJobs.listen(
    'message.created',
    'marketing.record_opt_out',
    ({ payload }) =>
      module.consents
        .optOutWhenAsked(payload.conversation.customerId, shopperWords(payload.message.text))
        .then(() => undefined),
    {
      when: ({ payload }) =>
        payload.message.sender === 'customer' &&
        marketingOptOutPattern.test(shopperWords(payload.message.text)),
    },
  );
}

function shopperWords(text: string): string {
  return toSimplified(text).trim();
}
