import { SafetyCertificateOutlined, SaveOutlined } from '@ant-design/icons';
import type { BusinessHours, RoutingMode, RoutingSettings } from '@kefu/sdk';
import {
  App as AntApp,
  Button,
  Checkbox,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Spin,
  Switch,
} from 'antd';
import { useEffect, useState } from 'react';
import { TimeZonePicker } from '../../common/TimeZonePicker';
import { useService } from '../ServiceContext';
import type { ServiceTextKey } from '../serviceText';
import { useServiceText } from '../serviceText';
import { useFailureText } from '../../common/failureText';

const modes: { value: RoutingMode; label: ServiceTextKey }[] = [
  { value: 'least_loaded', label: 'modeLeastLoaded' },
  { value: 'round_robin', label: 'modeRoundRobin' },
  { value: 'manual', label: 'modeManual' },
];
const weekOrder = [1, 2, 3, 4, 5, 6, 0];
const dayKeys: ServiceTextKey[] = ['day0', 'day1', 'day2', 'day3', 'day4', 'day5', 'day6'];

/** Mode, capacity, stickiness, queue target, business hours and holidays (priority weights are kept as they are). */
export function RoutingSettingsTab() {
  const st = useServiceText();
  const { api } = useService();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [draft, setDraft] = useState<RoutingSettings | null>(null);
  const [holidaysText, setHolidaysText] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.getRoutingSettings().then(
      (settings) => {
        setDraft(settings);
        setHolidaysText(settings.businessHours.holidays.join('\n'));
      },
      (failure: unknown) => toast.error(String(failure)),
    );
  }, [api, toast]);
  if (!draft) return <Spin />;

  const change = (patch: Partial<RoutingSettings>) => setDraft({ ...draft, ...patch });
  const changeHours = (patch: Partial<BusinessHours>) =>
    change({ businessHours: { ...draft.businessHours, ...patch } });
  const save = async () => {
    setSaving(true);
    try {
      const holidays = holidaysText.split(/[\s,，]+/).filter(Boolean);
      const saved = await api.updateRoutingSettings({
        ...draft,
        businessHours: { ...draft.businessHours, holidays },
      });
      setDraft(saved);
      setHolidaysText(saved.businessHours.holidays.join('\n'));
      toast.success(st('saved'));
    } catch (failure) {
      toast.error(describeFailure(failure));
    } finally {
      setSaving(false);
    }
  };
  const runCheck = async () => {
    try {
      const report = await api.runRoutingCheck();
      toast.success(st('checkDone', { n: report.orphansRemaining }));
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };

  return (
    <Form layout="vertical" className="settings-form">
      <Form.Item label={st('routingMode')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={draft.mode}
          onChange={(event) => {
            const mode = modes.find((option) => option.value === event.target.value)?.value;
            if (mode) change({ mode });
          }}
          options={modes.map((mode) => ({ value: mode.value, label: st(mode.label) }))}
        />
      </Form.Item>
      <div className="form-row form-row--three">
        <Form.Item label={st('defaultCapacity')}>
          <InputNumber
            min={1}
            max={100}
            value={draft.defaultCapacity}
            onChange={(value) => value !== null && change({ defaultCapacity: value })}
          />
        </Form.Item>
        <Form.Item label={st('averageHandleMinutes')}>
          <InputNumber
            min={1}
            max={240}
            value={draft.averageHandleMinutes}
            onChange={(value) => value !== null && change({ averageHandleMinutes: value })}
          />
        </Form.Item>
        <Form.Item label={st('queueTargetMinutes')}>
          <InputNumber
            min={1}
            max={1440}
            value={draft.queueTargetMinutes}
            onChange={(value) => value !== null && change({ queueTargetMinutes: value })}
          />
        </Form.Item>
      </div>
      <Form.Item>
        <Checkbox
          checked={draft.stickyToPreviousAgent}
          onChange={(event) => change({ stickyToPreviousAgent: event.target.checked })}
        >
          {st('sticky')}
        </Checkbox>
      </Form.Item>
      <Divider titlePlacement="start">{st('businessHours')}</Divider>
      <Form.Item>
        <Space>
          <Switch
            checked={draft.businessHours.enabled}
            onChange={(enabled) => changeHours({ enabled })}
            aria-label={st('businessHoursEnabled')}
          />
          <span>{st('businessHoursEnabled')}</span>
        </Space>
      </Form.Item>
      <Form.Item label={st('utcOffset')}>
        <TimeZonePicker
          ariaLabel={st('utcOffset')}
          timeZone={draft.businessHours.timeZone}
          utcOffsetMinutes={draft.businessHours.utcOffsetMinutes}
          onChange={changeHours}
        />
      </Form.Item>
      <div className="weekly-hours" aria-label={st('weekly')}>
        {weekOrder.map((day) => {
          const slot = draft.businessHours.weekly.find((candidate) => candidate.day === day);
          const setSlot = (next: { open: string; close: string } | null) =>
            changeHours({
              weekly: [
                ...draft.businessHours.weekly.filter((candidate) => candidate.day !== day),
                ...(next ? [{ day, ...next }] : []),
              ].sort((first, second) => first.day - second.day),
            });
          return (
            <div key={day} className="weekly-day">
              <Checkbox
                checked={slot !== undefined}
                onChange={(event) => setSlot(event.target.checked ? { open: '09:00', close: '21:00' } : null)}
              >
                {st(dayKeys[day] ?? 'day0')}
              </Checkbox>
              {slot ? (
                <Space.Compact size="small">
                  <Input
                    aria-label={`${st(dayKeys[day] ?? 'day0')} ${st('openTime')}`}
                    value={slot.open}
                    onChange={(event) => setSlot({ ...slot, open: event.target.value })}
                    style={{ width: 72 }}
                  />
                  <Input
                    aria-label={`${st(dayKeys[day] ?? 'day0')} ${st('closeTime')}`}
                    value={slot.close}
                    onChange={(event) => setSlot({ ...slot, close: event.target.value })}
                    style={{ width: 72 }}
                  />
                </Space.Compact>
              ) : (
                <span className="muted">{st('closedDay')}</span>
              )}
            </div>
          );
        })}
      </div>
      <Form.Item label={st('holidays')} htmlFor="routing-holidays">
        <Input.TextArea
          id="routing-holidays"
          rows={3}
          value={holidaysText}
          placeholder={st('holidaysPlaceholder')}
          onChange={(event) => setHolidaysText(event.target.value)}
        />
      </Form.Item>
      <Space>
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
          {st('save')}
        </Button>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => void runCheck()}>
          {st('runCheck')}
        </Button>
      </Space>
    </Form>
  );
}
