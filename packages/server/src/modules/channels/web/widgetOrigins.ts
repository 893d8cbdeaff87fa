import { z } from 'zod';
import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import { recordAudit } from '../../audit';
import { SettingsStore } from '../../routing';

export const widgetOriginSchema = z
  .string()
  .trim()
  .max(200)
  .transform((origin) => origin.replace(/\/$/, '').toLowerCase())
  .pipe(
    z.string().regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'an origin looks like https://shop.example.com'),
  );

const storedOriginsSchema = z.object({ origins: z.array(z.string()).max(100) });

export interface WidgetOriginListing {
  /** From KEFU_WIDGET_ORIGINS (`*`: every site) and KEFU_PUBLIC_URL; changed only by configuration. */
  configured: '*' | string[];
  /** Added by an admin in the console. */
  added: string[];
}

/**
 * The sites whose pages may call the visitor API from the browser (CORS): the demo page (Kefu's own origin,
 * which needs no CORS), the configured origins and those an admin added. Every other site is refused.
 */
export class WidgetOrigins {
  private readonly store: SettingsStore<typeof storedOriginsSchema>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly configured: '*' | string[],
  ) {
    this.store = new SettingsStore(db, clock, 'widget_origins', storedOriginsSchema, { origins: [] });
  }

  async allows(origin: string): Promise<boolean> {
    if (this.configured === '*') return true;
    const normalised = origin.toLowerCase();
    if (this.configured.includes(normalised)) return true;
    return (await this.store.get()).origins.includes(normalised);
  }

  async list(): Promise<WidgetOriginListing> {
    return { configured: this.configured, added: (await this.store.get()).origins };
  }

  async setAdded(origins: string[], actorId: string): Promise<WidgetOriginListing> {
    const before = (await this.store.get()).origins;
    const unique = [...new Set(origins)].sort();
    await this.store.set({ origins: unique }, actorId);
    await recordAudit(
      this.db,
      {
        actorType: 'agent',
        actorId,
        action: 'settings.widget_origins_changed',
        targetType: 'settings',
        targetId: 'widget_origins',
        data: { before, after: unique },
      },
      this.clock.now(),
    );
    return this.list();
  }
}
