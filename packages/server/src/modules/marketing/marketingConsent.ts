import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { recordAudit } from '../audit';
import { getCustomerProfile } from '../customers';
import { marketingOptOutPattern } from './optOutWords';

export interface MarketingConsent {
  customerId: string;
  optedOut: boolean;
  /** shopper (wrote it in the chat) | agent (set from the console); null: never set. */
  source: string | null;
  updatedAt: string | null;
}

/** Whether a shopper takes offers: they opt out by writing 退订 / unsubscribe, or an agent records it. */
export class MarketingConsents {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async read(customerId: string): Promise<MarketingConsent> {
    const row = await this.db
      .selectFrom('marketing_preferences')
      .selectAll()
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return {
      customerId,
      optedOut: row?.opted_out === 1,
      source: row?.source ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  }

  /** The bot's turn: a shopper who writes 退订 / 不要再发了 / unsubscribe gets no more offers. */
  async optOutWhenAsked(customerId: string, text: string): Promise<boolean> {
    if (!marketingOptOutPattern.test(text)) return false;
    await this.set(customerId, true, 'shopper');
    return true;
  }

  async set(customerId: string, optedOut: boolean, source: 'shopper' | 'agent'): Promise<MarketingConsent> {
    const updatedAt = this.clock.now().toISOString();
    const values = { opted_out: optedOut ? 1 : 0, source, updated_at: updatedAt };
    await this.db
      .insertInto('marketing_preferences')
      .values({ customer_id: customerId, ...values })
      .onConflict((conflict) => conflict.column('customer_id').doUpdateSet(values))
      .execute();
    return { customerId, optedOut, source, updatedAt };
  }

  /** An agent records the shopper's wish (asked by phone or e-mail); audited. */
  async setByAgent(customerId: string, optedOut: boolean, agentId: string): Promise<MarketingConsent> {
    await getCustomerProfile(this.db, customerId);
    const consent = await this.set(customerId, optedOut, 'agent');
    await recordAudit(
      this.db,
      {
        actorType: 'agent',
        actorId: agentId,
        action: optedOut ? 'marketing.opted_out' : 'marketing.opted_in',
        targetType: 'customer',
        targetId: customerId,
      },
      this.clock.now(),
    );
    return consent;
  }
}
