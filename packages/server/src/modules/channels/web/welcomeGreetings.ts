import { z } from 'zod';
import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import { SettingsStore } from '../../routing';

const storedGreetingSchema = z.object({
  zh: z.string().trim().min(1).max(2000).nullable(),
  en: z.string().trim().min(1).max(2000).nullable(),
});

const builtInGreeting = {
  zh: '您好，欢迎光临！我是智能客服，商品、订单、物流、退换货都可以问我。',
  en: "Hi, welcome! I'm the shop's assistant: ask me about products, orders, delivery or returns.",
};

/**
 * The shop's welcome greeting (without a product on the page): Kefu's built-in words until the shop sets its own
 * (an A/B test's winner), kept as a setting (audited on change) and read by every channel that greets.
 */
export class WelcomeGreetings {
  private readonly store: SettingsStore<typeof storedGreetingSchema>;

  constructor(db: Db, clock: Clock) {
    this.store = new SettingsStore(db, clock, 'welcome_greeting', storedGreetingSchema, {
      zh: null,
      en: null,
    });
  }

  async texts(): Promise<{ zh: string; en: string }> {
    const stored = await this.store.get();
    return { zh: stored.zh ?? builtInGreeting.zh, en: stored.en ?? builtInGreeting.en };
  }

  async set(texts: { zh: string; en: string }, actorId: string): Promise<void> {
    await this.store.set({ zh: texts.zh, en: texts.en }, actorId);
  }
}
