import type { QaRuleSet, QaRuleSettings } from '@kefu/sdk';
import { App as AntApp, Button, Card, InputNumber, Switch, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { useInsightApi, useMay } from '../insightFilter';
import { useInsightText } from '../insightText';
import { useFailureText } from '../../common/failureText';

/** The quality rules: each on or off, its points per flag, its cap and its time limit (wording via the API). */
export function RuleSetEditor() {
  const it = useInsightText();
  const editable = useMay()('qa:configure');
  const { locale } = useI18n();
  const api = useInsightApi();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [ruleSet, setRuleSet] = useState<QaRuleSet | null>(null);
  const [rules, setRules] = useState<Record<string, QaRuleSettings>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    api.getRuleSet(locale).then(
      (loaded) => {
        setRuleSet(loaded);
        setRules(loaded.rules);
      },
      () => undefined,
    );
  }, [api, locale]);
  const change = (rule: string, changes: Partial<QaRuleSettings>) =>
    setRules((current) => {
      const settings = current[rule];
      return settings ? { ...current, [rule]: { ...settings, ...changes } } : current;
    });
  const save = async () => {
    setSaving(true);
    try {
      setRuleSet(await api.updateRuleSet(rules, locale));
      toast.success(it('rulesSaved'));
    } catch (error) {
      toast.error(it('loadFailed', { reason: describeFailure(error) }));
    } finally {
      setSaving(false);
    }
  };
  const rows = Object.entries(rules).map(([rule, settings]) => ({ rule, settings }));
  return (
    <Card
      size="small"
      title={it('ruleSet')}
      extra={
        editable && (
          <Button type="primary" size="small" loading={saving} onClick={() => void save()}>
            {it('saveRules')}
          </Button>
        )
      }
    >
      <Table
        size="small"
        rowKey="rule"
        pagination={false}
        loading={!ruleSet}
        dataSource={rows}
        columns={[
          { title: it('colRule'), render: (_, row) => ruleSet?.ruleNames[row.rule] ?? row.rule },
          {
            title: it('colEnabled'),
            render: (_, row) => (
              <Switch
                size="small"
                checked={row.settings.enabled}
                aria-label={`${ruleSet?.ruleNames[row.rule] ?? row.rule} ${it('colEnabled')}`}
                disabled={!editable}
                onChange={(enabled) => change(row.rule, { enabled })}
              />
            ),
          },
          {
            title: it('colWeight'),
            render: (_, row) => (
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={row.settings.weight}
                aria-label={`${ruleSet?.ruleNames[row.rule] ?? row.rule} ${it('colWeight')}`}
                disabled={!editable}
                onChange={(weight) => change(row.rule, { weight: weight ?? 0 })}
              />
            ),
          },
          {
            title: it('colMaxPoints'),
            render: (_, row) => (
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={row.settings.maxPoints}
                disabled={!editable}
                onChange={(maxPoints) => change(row.rule, { maxPoints: maxPoints ?? 0 })}
              />
            ),
          },
          {
            title: it('colSeconds'),
            render: (_, row) =>
              row.settings.seconds === null ? (
                '—'
              ) : (
                <InputNumber
                  size="small"
                  min={1}
                  max={86_400}
                  value={row.settings.seconds}
                  disabled={!editable}
                  onChange={(seconds) => change(row.rule, { seconds: seconds ?? row.settings.seconds })}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}
