import type { Conversation, Message } from '@kefu/sdk';
import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import type { JobContext } from '../../../jobs/jobQueue';
import { describeJobError } from '../../../jobs/jobQueue';
import { parseWebhookSecret, webhookHeaders } from '../webhook/standardWebhookSignature';
import type { PushNotificationRow, PushRegistrationRow } from './pushRepo';
import { insertPushNotificationOnce, listPushRegistrations, recordPushOutcome } from './pushRepo';

export interface PushGatewayConfig {
  /** Where Kefu posts each notification (the deployment's bridge to APNs/FCM/…). */
  url: string;
  /** `whsec_…`: the request is signed as a Standard Webhook. */
  secret: string;
  timeoutMs: number;
}

export interface PushDependencies {
  db: Db;
  clock: Clock;
  gateway: PushGatewayConfig;
  /** Whether the shopper's app has a live socket to any process (then the message reaches it without a push). */
  isAppConnected(customerId: string): Promise<boolean>;
}

/** The longest text a notification carries; the app opens the conversation for the rest. */
const previewLength = 120;

/** Agents' and the bot's public messages in an app conversation may need a push. */
export function isPushable(message: Message, conversation: Conversation): boolean {
  return (
    conversation.channel === 'app' &&
    (message.sender === 'agent' || message.sender === 'bot') &&
    !message.isPrivate
  );
}

/**
 * The job of a message for an app's shopper: when their app has no socket open in any process, each registered push token
 * gets one notification (recorded pending → sent | failed, keyed by message and token, so a repeated job sends
 * nothing twice) posted to the push gateway, signed. A refused post is retried with the queue's back-off.
 */
export async function pushAppMessage(
  dependencies: PushDependencies,
  created: { message: Message; conversation: Conversation },
  job: JobContext,
): Promise<void> {
  const { message, conversation } = created;
  if (await dependencies.isAppConnected(conversation.customerId)) return;
  const registrations = await listPushRegistrations(dependencies.db, conversation.customerId);
  const failures: unknown[] = [];
  for (const registration of registrations) {
    const notification = await insertPushNotificationOnce(
      dependencies.db,
      { registrationId: registration.id, messageId: message.id, customerId: conversation.customerId },
      dependencies.clock.now(),
    );
    if (notification.status !== 'pending') continue;
    try {
      await postToGateway(dependencies, notification, registration, message, conversation);
      await recordPushOutcome(dependencies.db, notification.id, outcome('sent', job, null, dependencies));
    } catch (error) {
      const last = job.retryDelayMs === null;
      const reason = describeJobError(error);
      await recordPushOutcome(
        dependencies.db,
        notification.id,
        outcome(last ? 'failed' : 'pending', job, reason, dependencies),
      );
      failures.push(error);
    }
  }
  if (failures.length > 0 && job.retryDelayMs !== null) throw failures[0];
}

function outcome(
  status: 'sent' | 'pending' | 'failed',
  job: JobContext,
  error: string | null,
  dependencies: PushDependencies,
) {
  return { status, attempts: job.attempt, error, now: dependencies.clock.now() };
}

async function postToGateway(
  dependencies: PushDependencies,
  notification: PushNotificationRow,
  registration: PushRegistrationRow,
  message: Message,
  conversation: Conversation,
): Promise<void> {
  const body = JSON.stringify({
    type: 'message',
    notificationId: notification.id,
    platform: registration.platform,
    token: registration.token,
    conversationId: conversation.id,
    messageId: message.id,
    sender: message.sender,
    text: message.text.slice(0, previewLength),
  });
  const timestamp = Math.floor(dependencies.clock.now().getTime() / 1000);
  const headers = {
    'content-type': 'application/json',
    ...webhookHeaders(
      parseWebhookSecret(dependencies.gateway.secret),
      { id: notification.id, timestamp },
      body,
    ),
  };
  const response = await fetch(dependencies.gateway.url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(dependencies.gateway.timeoutMs),
  });
  if (!response.ok) throw new Error(`the push gateway answered ${response.status}`);
}
