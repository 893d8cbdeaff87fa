import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { parseWebhookSecret, verifyWebhook } from '../channels';
import { resolveCustomerByPhone } from '../customers';
import { maskPhone } from '../privacy';
import type { CallsConfig } from './callsConfig';
import type { CallRecordRow } from './callsRepo';
import { insertCallRecord, isCallRecorded, listCallsOfCustomer } from './callsRepo';

export const callDirectionSchema = z.enum(['inbound', 'outbound']);
/** Kept as its digits, a mainland number without its +86 (as the blind index reads it). */
const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s()-]{5,32}$/, 'phone is a telephone number (digits, spaces, +, -, brackets)')
  .transform((phone) => {
    const digits = phone.replace(/\D/g, '');
    return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  });

/** What a call-center system posts for one finished call (signed as a Standard Webhook). */
export const callWebhookBodySchema = z
  .object({
    callId: z.string().trim().min(1).max(200),
    phone: phoneSchema,
    direction: callDirectionSchema,
    startedAt: z.string().datetime({ offset: true }),
    durationSeconds: z.number().int().min(0).max(86_400),
    recordingUrl: z.string().url().max(2048).optional(),
    transcript: z.string().max(20_000).optional(),
  })
  .strict();

/** A call an agent logs by hand from the customer panel. */
export const manualCallBodySchema = z
  .object({
    direction: callDirectionSchema,
    phone: phoneSchema.optional(),
    startedAt: z.string().datetime({ offset: true }),
    durationSeconds: z.number().int().min(0).max(86_400),
    note: z.string().trim().max(4000).optional(),
  })
  .strict();

export interface CallRecord {
  id: string;
  customerId: string;
  source: 'webhook' | 'manual';
  direction: 'inbound' | 'outbound';
  /** Masked (138****0101): the full number is revealed with the customer's profile. */
  phone: string | null;
  startedAt: string;
  durationSeconds: number;
  recordingUrl: string | null;
  transcript: string | null;
  loggedByAgentId: string | null;
}

/**
 * Phone calls in the customer's timeline: reported by the call-center system through a signed webhook (its
 * signature and time checked in constant time, each request and each call taken once), or logged by an agent.
 * The caller is found by the number's blind index; the number and transcript are sealed at rest.
 */
export class CallRecords {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly config: CallsConfig,
  ) {}

  /** Checks the request and stores its call; returns the record's id and the customer it landed with. */
  async receiveWebhook(
    rawBody: Buffer,
    headers: IncomingHttpHeaders,
  ): Promise<{ id: string; customerId: string }> {
    if (!this.config.webhookSecret)
      throw new KefuError('channel_not_connected', 'The call webhook is not set up');
    const signed = verifyWebhook(
      parseWebhookSecret(this.config.webhookSecret),
      rawBody,
      headers,
      this.clock.now(),
    );
    const body = callWebhookBodySchema.safeParse(parseJson(rawBody));
    if (!body.success) throw new KefuError('validation_failed', body.error.issues[0]?.message);
    const call = body.data;
    return this.db.transaction().execute(async (trx) => {
      if (await isCallRecorded(trx, { webhookId: signed.id, externalCallId: call.callId }))
        throw new KefuError('webhook_duplicate');
      const now = this.clock.now();
      const customerId = await resolveCustomerByPhone(trx, call.phone, now);
      const id = newId('call');
      const stored = await insertCallRecord(trx, {
        ...emptyRow(id, customerId, now),
        source: 'webhook',
        webhook_id: signed.id,
        external_call_id: call.callId,
        phone: call.phone,
        direction: call.direction,
        started_at: new Date(call.startedAt).toISOString(),
        duration_seconds: call.durationSeconds,
        recording_url: call.recordingUrl ?? null,
        transcript: call.transcript ?? null,
      });
      if (!stored) throw new KefuError('webhook_duplicate');
      return { id, customerId };
    });
  }

  async logByAgent(
    agentId: string,
    customer: { id: string; phone: string | null },
    input: z.infer<typeof manualCallBodySchema>,
  ): Promise<CallRecord> {
    const now = this.clock.now();
    const row: CallRecordRow = {
      ...emptyRow(newId('call'), customer.id, now),
      source: 'manual',
      phone: input.phone ?? customer.phone ?? '',
      direction: input.direction,
      started_at: new Date(input.startedAt).toISOString(),
      duration_seconds: input.durationSeconds,
      transcript: input.note ?? null,
      logged_by_agent_id: agentId,
    };
    await insertCallRecord(this.db, row);
    return toCallRecord(row);
  }

  async listForCustomer(customerId: string): Promise<CallRecord[]> {
    return (await listCallsOfCustomer(this.db, customerId)).map(toCallRecord);
  }
}

function emptyRow(id: string, customerId: string, now: Date): CallRecordRow {
  return {
    id,
    customer_id: customerId,
    source: 'manual',
    webhook_id: null,
    external_call_id: null,
    phone: '',
    phone_index: null,
    direction: 'inbound',
    started_at: now.toISOString(),
    duration_seconds: 0,
    recording_url: null,
    transcript: null,
    logged_by_agent_id: null,
    created_at: now.toISOString(),
  };
}

function toCallRecord(row: CallRecordRow): CallRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    source: row.source === 'webhook' ? 'webhook' : 'manual',
    direction: row.direction === 'outbound' ? 'outbound' : 'inbound',
    phone: row.phone === '' ? null : maskPhone(row.phone),
    startedAt: row.started_at,
    durationSeconds: row.duration_seconds,
    recordingUrl: row.recording_url,
    transcript: row.transcript,
    loggedByAgentId: row.logged_by_agent_id,
  };
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new KefuError('invalid_json');
  }
}
