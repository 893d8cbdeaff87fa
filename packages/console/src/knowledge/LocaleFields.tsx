import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { KnowledgeEntryKind, KnowledgeLocale } from '@kefu/sdk';
import { Button, Form, Input, Space, Switch } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/zhCN';
import { localeLabelKeys } from './knowledgeLabels';

interface LocaleFieldsProps {
  locale: KnowledgeLocale;
  kind: KnowledgeEntryKind;
  disabled: boolean;
}

/** One language of an entry: question (or article title), similar questions, answer and its rich parts. */
export function LocaleFields({ locale, kind, disabled }: LocaleFieldsProps) {
  const { t } = useI18n();
  const base = ['locales', locale] as const;
  const form = Form.useFormInstance();
  const enabled = Form.useWatch<boolean | undefined>([...base, 'enabled'], form);
  const languageName = t(localeLabelKeys[locale]);
  return (
    <div className="kb-locale-fields">
      <Form.Item name={[...base, 'enabled']} valuePropName="checked" noStyle>
        <Switch
          disabled={disabled}
          aria-label={t('kbFillLocale', { locale: languageName })}
          checkedChildren={languageName}
          unCheckedChildren={languageName}
        />
      </Form.Item>
      {!enabled ? (
        <p className="kb-muted kb-locale-missing">{t('kbLocaleMissing')}</p>
      ) : (
        <div className="kb-locale-body">
          <Form.Item
            label={kind === 'faq' ? t('kbQuestion') : t('kbArticleTitle')}
            name={[...base, 'question']}
            rules={[{ required: true, whitespace: true, message: t('required') }]}
          >
            <Input maxLength={500} disabled={disabled} />
          </Form.Item>
          {kind === 'faq' && (
            <Form.Item
              label={t('kbSimilarQuestions')}
              name={[...base, 'similarQuestions']}
              extra={t('kbSimilarHint')}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} disabled={disabled} />
            </Form.Item>
          )}
          <Form.Item label={kind === 'faq' ? t('kbAnswer') : t('kbArticleBody')} name={[...base, 'answer']}>
            <Input.TextArea
              autoSize={{ minRows: kind === 'faq' ? 3 : 10, maxRows: 20 }}
              maxLength={20_000}
              disabled={disabled}
              className={kind === 'article' ? 'kb-markdown' : undefined}
            />
          </Form.Item>
          <PairList
            locale={locale}
            listName="links"
            title="kbLinks"
            fields={[
              { key: 'label', placeholder: 'kbLinkLabel', required: true },
              { key: 'url', placeholder: 'kbLinkUrl', required: true, url: true },
            ]}
            disabled={disabled}
          />
          <PairList
            locale={locale}
            listName="images"
            title="kbImages"
            fields={[
              { key: 'url', placeholder: 'kbImageUrl', required: true, url: true },
              { key: 'alt', placeholder: 'kbImageAlt', required: false },
            ]}
            disabled={disabled}
          />
          <PairList
            locale={locale}
            listName="quickReplies"
            title="kbQuickReplies"
            fields={[
              { key: 'label', placeholder: 'kbQuickReplyLabel', required: true },
              { key: 'text', placeholder: 'kbQuickReplyText', required: true },
            ]}
            disabled={disabled}
          />
        </div>
      )}
    </div>
  );
}

interface PairField {
  key: string;
  placeholder: MessageKey;
  required: boolean;
  url?: boolean;
}

/** A repeatable pair of inputs (link text + URL, image URL + alt, button label + text). */
function PairList(props: {
  locale: KnowledgeLocale;
  listName: 'links' | 'images' | 'quickReplies';
  title: MessageKey;
  fields: [PairField, PairField];
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <Form.Item label={t(props.title)}>
      <Form.List name={['locales', props.locale, props.listName]}>
        {(rows, { add, remove }) => (
          <div className="kb-pair-list">
            {rows.map((row) => (
              <Space.Compact key={row.key} block>
                {props.fields.map((field) => (
                  <Form.Item
                    key={field.key}
                    name={[row.name, field.key]}
                    noStyle
                    rules={[
                      { required: field.required, whitespace: true, message: t('required') },
                      ...(field.url ? [{ type: 'url' as const, message: t('kbLinkUrl') }] : []),
                    ]}
                  >
                    <Input
                      placeholder={t(field.placeholder)}
                      aria-label={t(field.placeholder)}
                      disabled={props.disabled}
                    />
                  </Form.Item>
                ))}
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('kbRemove')}
                  disabled={props.disabled}
                  onClick={() => remove(row.name)}
                />
              </Space.Compact>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              disabled={props.disabled || rows.length >= 10}
              onClick={() => add({})}
            >
              {t('kbAdd')} {t(props.title)}
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}
