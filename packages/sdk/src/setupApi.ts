// The first-run checklist and the shop data import for admins, on an agent client's session:
// `new KefuSetupApi(agentClient).getChecklist()`.
import type { KefuAgentClient } from './agentClient';
import { readField, readNumber, readString, requireRecord } from './agentWire';

/** The first-run steps, in the order the console shows them. */
export const setupStepIds = [
  'agents',
  'businessHours',
  'faq',
  'products',
  'orders',
  'channels',
  'widget',
] as const;
export type SetupStepId = (typeof setupStepIds)[number];

export interface SetupChecklist {
  steps: { id: SetupStepId; done: boolean; count: number }[];
  complete: boolean;
}

export type ShopImportKind = 'products' | 'orders' | 'shipments';

export interface ShopImportReport {
  imported: number;
  failed: number;
  errors: { row: number; message: string }[];
}

export class KefuSetupApi {
  constructor(private readonly client: KefuAgentClient) {}

  async getChecklist(): Promise<SetupChecklist> {
    const body = requireRecord(await this.client.requestJson('GET', '/api/v1/admin/setup/checklist'));
    const steps = readField(body, 'steps');
    if (!Array.isArray(steps)) throw new Error('the checklist has no steps');
    return {
      steps: steps.map((value) => {
        const step = requireRecord(value);
        const id = setupStepIds.find((candidate) => candidate === step.id);
        if (!id) throw new Error(`unknown set-up step ${String(step.id)}`);
        return { id, done: step.done === true, count: readNumber(step, 'count') };
      }),
      complete: body.complete === true,
    };
  }

  /** Imports CSV rows into the builtin shop; good rows land, bad rows come back with their reason. */
  async importShopData(kind: ShopImportKind, csv: string): Promise<ShopImportReport> {
    const body = requireRecord(
      await this.client.requestJson('POST', '/api/v1/admin/commerce/imports', {
        kind,
        format: 'csv',
        data: csv,
      }),
    );
    const errors = readField(body, 'errors');
    return {
      imported: readNumber(body, 'imported'),
      failed: readNumber(body, 'failed'),
      errors: (Array.isArray(errors) ? errors : []).map((value) => {
        const error = requireRecord(value);
        return { row: readNumber(error, 'row'), message: readString(error, 'message') };
      }),
    };
  }
}
