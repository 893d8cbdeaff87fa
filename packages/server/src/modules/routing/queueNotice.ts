import type { QuickReply } from '@kefu/sdk';
import type { ReplyLocale } from '../../replyLocale';
import { localizeReply, pickLocalizedText } from '../../replyLocale';
import { localOffsetMinutes } from './businessCalendar';
import type { BusinessHours } from './schemas';

export interface QueueStanding {
  position: number;
  waitingTotal: number;
  onlineAgents: number;
  /** null when nobody can give an honest estimate (no agent online and no opening known). */
  estimatedWaitMinutes: number | null;
  open: boolean;
  nextOpeningAt: string | null;
  openingHours: string | null;
}

/** Minutes to wait: the conversations ahead shared among the online agents, plus the time until opening. */
export function estimateWaitMinutes(
  position: number,
  onlineAgents: number,
  averageHandleMinutes: number,
  minutesUntilOpen: number | null,
): number | null {
  if (minutesUntilOpen === null) return null;
  const agents = Math.max(1, onlineAgents);
  if (onlineAgents === 0 && minutesUntilOpen === 0) return null;
  return Math.ceil(minutesUntilOpen + (position * averageHandleMinutes) / agents);
}

/** What the shopper is told honestly while waiting: position, estimated wait, hours, and the offer to leave a message. */
export function composeQueueNotice(
  standing: QueueStanding,
  locale: ReplyLocale,
  hours: BusinessHours,
): { text: string; quickReplies: QuickReply[] } {
  const english = locale === 'en';
  const eta = standing.estimatedWaitMinutes;
  const position = standing.position;
  let texts: { zh: string; en: string };
  if (!standing.open) {
    const when = standing.nextOpeningAt ? formatLocalTime(standing.nextOpeningAt, hours) : '';
    texts = {
      zh: `现在是非工作时间${standing.openingHours ? `（人工客服工作时间 ${standing.openingHours}）` : ''}。您排在第 ${position} 位，人工客服将于 ${when} 上班后按顺序为您服务。期间我仍可以回答一些常见问题，您也可以选择留言，我们会尽快回复。`,
      en: `We are outside business hours${standing.openingHours ? ` (agents work ${standing.openingHours})` : ''}. You are number ${position} in the queue; agents will reply in order from ${when}. I can still answer common questions meanwhile, or you can leave a message and we will get back to you.`,
    };
  } else if (standing.onlineAgents === 0 || eta === null) {
    texts = {
      zh: `目前暂时没有空闲的人工客服，您排在第 ${position} 位，暂时无法准确估计等待时间。期间我仍可以回答一些常见问题，您也可以选择留言，我们会尽快回复。`,
      en: `No agent is free right now. You are number ${position} in the queue and we cannot estimate the wait yet. I can still answer common questions meanwhile, or you can leave a message and we will get back to you.`,
    };
  } else {
    texts = {
      zh: `人工客服正在忙，您排在第 ${position} 位，预计等待约 ${eta} 分钟。期间我仍可以回答一些常见问题，您也可以选择留言，我们会尽快回复。`,
      en: `All agents are busy. You are number ${position} in the queue; the estimated wait is about ${eta} minutes. I can still answer common questions meanwhile, or you can leave a message and we will get back to you.`,
    };
  }
  return {
    text: localizeReply(pickLocalizedText(locale, texts), locale),
    quickReplies: [
      english
        ? { label: 'Leave a message', text: 'Leave a message' }
        : { label: localizeReply('留言', locale), text: localizeReply('我要留言', locale) },
    ],
  };
}

function formatLocalTime(iso: string, hours: BusinessHours): string {
  const instant = new Date(iso);
  const local = new Date(instant.getTime() + localOffsetMinutes(hours, instant) * 60_000).toISOString();
  return `${local.slice(5, 10)} ${local.slice(11, 16)}`;
}
