import { useNow } from '../../common/time';
import { formatDuration } from '../../common/time';
import { useI18n } from '../../i18n/I18nContext';
import { useService } from '../ServiceContext';
import { useServiceText } from '../serviceText';

/** In an inbox row: the queue place and, when the target is known, the time left before it is missed. */
export function QueueSlaTag({ conversationId }: { conversationId: string }) {
  const st = useServiceText();
  const { t } = useI18n();
  const { queue, queueTargetMinutes } = useService();
  const now = useNow(15_000);
  const entry = queue.entries.find((candidate) => candidate.conversationId === conversationId);
  if (!entry) return null;
  const remainingMs =
    queueTargetMinutes === null ? null : queueTargetMinutes * 60_000 - (now - Date.parse(entry.enqueuedAt));
  const tone =
    remainingMs === null ? 'neutral' : remainingMs < 0 ? 'missed' : remainingMs < 60_000 ? 'close' : 'ok';
  return (
    <span className={`queue-sla-tag queue-sla-tag--${tone}`} data-testid="queue-sla-tag">
      #{entry.position}
      {remainingMs !== null &&
        ` · ${
          remainingMs < 0
            ? st('queueTargetMissed', { time: formatDuration(-remainingMs, t) })
            : st('queueTargetLeft', { time: formatDuration(remainingMs, t) })
        }`}
    </span>
  );
}
