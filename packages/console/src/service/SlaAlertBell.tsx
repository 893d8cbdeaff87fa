import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Tag, Typography } from 'antd';
import { useState } from 'react';
import { navigate } from '../common/router';
import { priorityColors, priorityLabelKeys } from '../common/labels';
import { useI18n } from '../i18n/I18nContext';
import { useService } from './ServiceContext';
import { slaTargetLabelKeys } from './serviceLabels';
import { useServiceText } from './serviceText';

/** The header bell: live overdue alerts (`ticket.sla_alert`) with a badge, each opening its ticket. */
export function SlaAlertBell() {
  const st = useServiceText();
  const { t } = useI18n();
  const { alerts, clearAlerts } = useService();
  const [open, setOpen] = useState(false);
  const openTicket = (ticketId: string | null) => {
    setOpen(false);
    navigate({ screen: 'tickets', ticketId, overdue: ticketId === null });
  };
  const content = (
    <div className="sla-alert-popover">
      {alerts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={st('slaAlertsEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={alerts}
          renderItem={(alert) => (
            <List.Item
              className="sla-alert-item"
              onClick={() => openTicket(alert.ticketId)}
              extra={
                <Tag color={alert.event === 'ticket.sla_breached' ? 'red' : 'orange'}>
                  {st(alert.event === 'ticket.sla_breached' ? 'slaAlertBreached' : 'slaAlertWarning')}
                </Tag>
              }
            >
              <List.Item.Meta
                title={<Typography.Text ellipsis>{alert.subject}</Typography.Text>}
                description={
                  <>
                    <Tag color={priorityColors[alert.priority]} bordered={false}>
                      {t(priorityLabelKeys[alert.priority])}
                    </Tag>
                    {st(slaTargetLabelKeys[alert.target])}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <div className="sla-alert-footer">
        <Button type="link" size="small" onClick={() => openTicket(null)}>
          {st('viewOverdue')}
        </Button>
        {alerts.length > 0 && (
          <Button type="link" size="small" onClick={clearAlerts}>
            {st('clearAlerts')}
          </Button>
        )}
      </div>
    </div>
  );
  return (
    <Popover
      content={content}
      title={st('slaAlerts')}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Badge count={alerts.length} size="small" offset={[-6, 6]}>
        <Button
          type="text"
          className="shell-icon-button"
          icon={<BellOutlined />}
          aria-label={`${st('slaAlerts')} (${alerts.length})`}
          data-testid="sla-alert-bell"
        />
      </Badge>
    </Popover>
  );
}
