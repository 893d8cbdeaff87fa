import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, StopOutlined } from '@ant-design/icons';
import type { TicketDetail, TicketSlaTarget } from '@kefu/sdk';
import { Card, Empty, Progress, Tag, Tooltip } from 'antd';
import { useNow } from '../../common/time';
import { useI18n } from '../../i18n/I18nContext';
import { describeDeadline, slaTargetLabelKeys } from '../serviceLabels';
import { useServiceText } from '../serviceText';

/** Whether a target is still running and its due time has passed, or the evaluator marked it breached. */
export function isTargetOverdue(target: TicketSlaTarget, now: number): boolean {
  if (target.breachedAt) return target.metAt === null && target.cancelledAt === null;
  return target.metAt === null && target.cancelledAt === null && Date.parse(target.dueAt) < now;
}

export function isTicketOverdue(ticket: TicketDetail, now = Date.now()): boolean {
  return ticket.sla.some((target) => isTargetOverdue(target, now));
}

/** Each SLA target with a live countdown, a bar of the time used, and its breach mark. */
export function TicketSlaTargets({ ticket }: { ticket: TicketDetail }) {
  const st = useServiceText();
  const { t } = useI18n();
  const now = useNow(10_000);
  return (
    <Card size="small" title={st('slaTargets')} data-testid="ticket-sla">
      {ticket.sla.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={st('noSla')} />
      ) : (
        <ul className="sla-targets">
          {ticket.sla.map((target) => {
            const started = Date.parse(target.startedAt);
            const due = Date.parse(target.dueAt);
            const used = Math.min(100, Math.max(0, ((now - started) / Math.max(1, due - started)) * 100));
            const breached = target.breachedAt !== null;
            const running = target.metAt === null && target.cancelledAt === null;
            const warned = running && (target.warnedAt !== null || Date.parse(target.warnAt) < now);
            return (
              <li
                key={`${target.target}-${target.startedAt}`}
                className={`sla-target${breached ? ' sla-target--breached' : ''}`}
              >
                <div className="sla-target-top">
                  <span className="sla-target-name">{st(slaTargetLabelKeys[target.target])}</span>
                  <TargetState target={target} running={running} breached={breached} />
                </div>
                {running && (
                  <>
                    <Progress
                      percent={Math.round(used)}
                      size="small"
                      showInfo={false}
                      status={breached || used >= 100 ? 'exception' : 'active'}
                      strokeColor={breached || used >= 100 ? '#f5222d' : warned ? '#fa8c16' : '#52c41a'}
                    />
                    <Tooltip title={new Date(target.dueAt).toLocaleString()}>
                      <span
                        className={`sla-countdown${breached || due < now ? ' sla-countdown--overdue' : ''}`}
                      >
                        <ClockCircleOutlined /> {describeDeadline(target.dueAt, now, t, st)}
                      </span>
                    </Tooltip>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function TargetState({
  target,
  running,
  breached,
}: {
  target: TicketSlaTarget;
  running: boolean;
  breached: boolean;
}) {
  const st = useServiceText();
  if (breached)
    return (
      <Tooltip title={target.breachedAt ? new Date(target.breachedAt).toLocaleString() : undefined}>
        <Tag color="red" icon={<CloseCircleFilled />} data-testid="sla-breached">
          {st('breached')}
        </Tag>
      </Tooltip>
    );
  if (target.metAt)
    return (
      <Tag color="green" icon={<CheckCircleFilled />}>
        {st('slaMet')}
      </Tag>
    );
  if (!running) return <Tag icon={<StopOutlined />}>{st('slaCancelled')}</Tag>;
  return null;
}
