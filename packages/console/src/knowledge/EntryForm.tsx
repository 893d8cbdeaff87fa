import type { ChannelKind, KnowledgeEntryKind } from '@kefu/sdk';
import type { FormInstance } from 'antd';
import { Col, Form, Input, Row, Select, Tabs } from 'antd';
import { allChannels, channelLabelKeys } from '../common/labels';
import { useI18n } from '../i18n/I18nContext';
import type { EntryFormValues } from './entryForm';
import { knowledgeLocales, localeLabelKeys } from './knowledgeLabels';
import { LocaleFields } from './LocaleFields';

interface EntryFormProps {
  form: FormInstance<EntryFormValues>;
  kind: KnowledgeEntryKind;
  initialValues: EntryFormValues;
  disabled: boolean;
}

/** The fields of an FAQ or article: shared metadata, then one tab per language. */
export function EntryForm({ form, kind, initialValues, disabled }: EntryFormProps) {
  const { t } = useI18n();
  return (
    <Form<EntryFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      className="kb-entry-form"
      aria-label={kind === 'faq' ? t('kbNewFaq') : t('kbNewArticle')}
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('kbCategory')} name="category">
            <Input maxLength={50} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('kbTags')} name="tags" tooltip={t('kbTagsHint')}>
            <Select mode="tags" open={false} suffixIcon={null} disabled={disabled} aria-label={t('kbTags')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('kbChannels')} name="channels" tooltip={t('kbChannelsHint')}>
            <Select<ChannelKind[]>
              mode="multiple"
              allowClear
              disabled={disabled}
              aria-label={t('kbChannels')}
              placeholder={t('kbChannelsHint')}
              options={allChannels.map((channel) => ({
                value: channel,
                label: t(channelLabelKeys[channel]),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('kbProducts')} name="productIds" tooltip={t('kbProductsHint')}>
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              disabled={disabled}
              aria-label={t('kbProducts')}
              placeholder="prod_01"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('kbValidFrom')} name="validFrom" tooltip={t('kbValidityHint')}>
            <Input type="datetime-local" disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            label={t('kbValidUntil')}
            name="validUntil"
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: string) => {
                  const from: unknown = getFieldValue('validFrom');
                  return !value || typeof from !== 'string' || !from || from < value
                    ? Promise.resolve()
                    : Promise.reject(new Error(`${t('kbValidFrom')} < ${t('kbValidUntil')}`));
                },
              }),
            ]}
          >
            <Input type="datetime-local" disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
      <Tabs
        className="kb-locale-tabs"
        items={knowledgeLocales.map((locale) => ({
          key: locale,
          label: t(localeLabelKeys[locale]),
          forceRender: true,
          children: <LocaleFields locale={locale} kind={kind} disabled={disabled} />,
        }))}
      />
    </Form>
  );
}
