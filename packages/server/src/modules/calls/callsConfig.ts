import { z } from 'zod';
import { isWebhookSecret } from '../channels';

/** The call-record variables, merged into the one environment schema in config.ts. */
export const callsEnvironmentSchema = z.object({
  /** `whsec_…` (Standard Webhooks): the call-center system signs the call records it posts. */
  KEFU_CALLS_WEBHOOK_SECRET: z
    .string()
    .refine(isWebhookSecret, 'KEFU_CALLS_WEBHOOK_SECRET is whsec_ followed by at least 24 bytes in base64')
    .optional(),
});

export interface CallsConfig {
  /** Null: the call webhook is not connected (404). */
  webhookSecret: string | null;
}

export function toCallsConfig(values: z.infer<typeof callsEnvironmentSchema>): CallsConfig {
  return { webhookSecret: values.KEFU_CALLS_WEBHOOK_SECRET ?? null };
}
