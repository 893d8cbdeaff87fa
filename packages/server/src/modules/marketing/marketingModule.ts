import { z } from 'zod';
import type { EventJobs } from '../../events/eventJobs';
import { MarketingConsents } from './marketingConsent';
import { OfferRules } from './offerRules';
import type { OfferSenderDependencies } from './offerSender';
import { OfferSender, sendOfferJob } from './offerSender';
import { OfferTracking } from './offerTracking';

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

/** A resolved conversation may schedule an offer (once per resolution); each offer is sent by its own job. */
export function startMarketingModule(module: MarketingModule, eventJobs: EventJobs): void {
  module.jobs.register(sendOfferJob, {
    schema: sendOfferPayloadSchema,
    run: ({ offerId }, context) => module.sender.send(offerId, context),
  });
  eventJobs.listen('conversation.resolved', 'marketing.schedule_offer', ({ payload }) =>
    module.sender.scheduleAfterResolution(payload.conversation),
  );
}
