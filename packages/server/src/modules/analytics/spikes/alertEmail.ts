// Spike alerts by e-mail: one message per new alert to the configured supervisors, in Chinese and English, with
// links to the example conversations. Sent by a durable job; a failed delivery throws so the job retries.
import type { SpikeAlertNotice } from '@kefu/sdk';
import { createTransport } from 'nodemailer';
import { z } from 'zod';

const addressSchema = z.string().trim().email();

export const alertEmailEnvironmentSchema = z.object({
  KEFU_ALERT_SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'KEFU_ALERT_SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  KEFU_ALERT_EMAIL_FROM: addressSchema.optional(),
  /** Comma-separated addresses of the supervisors to tell. */
  KEFU_ALERT_EMAIL_TO: z.string().optional(),
});

export interface AlertEmailConfig {
  smtpUrl: string;
  from: string;
  to: string[];
}

export function toAlertEmailConfig(
  values: z.infer<typeof alertEmailEnvironmentSchema>,
  configError: (message: string) => Error,
): AlertEmailConfig | null {
  if (!values.KEFU_ALERT_SMTP_URL) return null;
  const to = (values.KEFU_ALERT_EMAIL_TO ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  if (!values.KEFU_ALERT_EMAIL_FROM || to.length === 0)
    throw configError('KEFU_ALERT_SMTP_URL needs KEFU_ALERT_EMAIL_FROM and KEFU_ALERT_EMAIL_TO');
  const invalid = to.find((address) => !addressSchema.safeParse(address).success);
  if (invalid) throw configError('KEFU_ALERT_EMAIL_TO must be e-mail addresses separated by commas');
  return { smtpUrl: values.KEFU_ALERT_SMTP_URL, from: values.KEFU_ALERT_EMAIL_FROM, to };
}

const timeoutMs = 10_000;

export async function sendAlertEmail(
  config: AlertEmailConfig,
  delivery: { eventId: string; alert: SpikeAlertNotice; consoleUrl: string | null },
): Promise<void> {
  const url = new URL(config.smtpUrl);
  const transport = createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    ...(url.username && {
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: alertSubject(delivery.alert),
      text: alertText(delivery.alert, delivery.consoleUrl),
      headers: { 'X-Kefu-Alert-Id': delivery.alert.id },
    });
  } finally {
    transport.close();
  }
}

export function alertSubject(alert: SpikeAlertNotice): string {
  const zh = alert.kind === 'surge' ? '咨询突增' : '新话题';
  const en = alert.kind === 'surge' ? 'Surge' : 'New topic';
  return `[Kefu] ${zh}：${alert.topicLabel['zh-CN']} / ${en}: ${alert.topicLabel.en}`;
}

function alertText(alert: SpikeAlertNotice, consoleUrl: string | null): string {
  const expected = Math.round(alert.expected * 10) / 10;
  const links = consoleUrl
    ? alert.conversationIds.map((id) => `${consoleUrl}/console/inbox/${encodeURIComponent(id)}`)
    : alert.conversationIds;
  const alertsPage = consoleUrl ? `${consoleUrl}/console/insight/alerts` : null;
  return [
    `「${alert.topicLabel['zh-CN']}」在 ${alert.windowStart} 至 ${alert.windowEnd} 有 ${alert.count} 个会话（按以往预计 ${expected} 个）。`,
    `"${alert.topicLabel.en}": ${alert.count} conversations from ${alert.windowStart} to ${alert.windowEnd} (${expected} expected from its own history).`,
    '',
    '示例会话 / Example conversations:',
    ...links,
    ...(alertsPage ? ['', `处理预警 / Acknowledge: ${alertsPage}`] : []),
  ].join('\n');
}
