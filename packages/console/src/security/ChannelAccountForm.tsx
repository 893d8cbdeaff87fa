import { accountChannelKinds } from '@kefu/sdk';
import type { AccountChannelKind, ChannelAccount, ChannelAccountInput } from '@kefu/sdk';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useSecurityText } from './securityText';
import type { SecurityText } from './securityText';

type TextKey = Parameters<SecurityText>[0];

interface FieldSpec {
  name: string;
  label: TextKey;
  /** Stored sealed; left empty while editing keeps the stored value. */
  secret?: boolean;
  optional?: boolean;
  /** Chosen from these (radio buttons) instead of typed. */
  choices?: Array<{ value: string; label: TextKey }>;
}

const yesNo: FieldSpec['choices'] = [
  { value: 'true', label: 'choiceYes' },
  { value: 'false', label: 'choiceNo' },
];

/** E-mail's fields follow how mail comes in: the built-in SMTP listener's address, or the IMAP mailbox. */
function emailFields(inbound: string): { settings: FieldSpec[]; credentials: FieldSpec[] } {
  const inboundChoice: FieldSpec = {
    name: 'inbound',
    label: 'fieldInbound',
    choices: [
      { value: 'smtp', label: 'inboundSmtp' },
      { value: 'imap', label: 'inboundImap' },
    ],
  };
  const address = [
    { name: 'address', label: 'fieldEmailAddress' },
    { name: 'fromName', label: 'fieldEmailFromName', optional: true },
  ] satisfies FieldSpec[];
  const relay = { name: 'smtpUrl', label: 'fieldSmtpUrl' } satisfies FieldSpec;
  const relayPassword: FieldSpec = {
    name: 'smtpPassword',
    label: 'fieldSmtpPassword',
    secret: true,
    optional: true,
  };
  if (inbound !== 'imap')
    return {
      settings: [
        ...address,
        inboundChoice,
        { name: 'listenHost', label: 'fieldListenHost', optional: true },
        { name: 'listenPort', label: 'fieldListenPort', optional: true },
        relay,
      ],
      credentials: [relayPassword],
    };
  return {
    settings: [
      ...address,
      inboundChoice,
      { name: 'imapHost', label: 'fieldImapHost' },
      { name: 'imapPort', label: 'fieldImapPort', optional: true },
      { name: 'imapTls', label: 'fieldImapTls', choices: yesNo },
      { name: 'imapUser', label: 'fieldImapUser' },
      { name: 'imapFolder', label: 'fieldImapFolder', optional: true },
      { name: 'imapPollSeconds', label: 'fieldImapPollSeconds', optional: true },
      { name: 'imapMarkSeen', label: 'fieldImapMarkSeen', choices: yesNo },
      relay,
    ],
    credentials: [{ name: 'imapPassword', label: 'fieldImapPassword', secret: true }, relayPassword],
  };
}

const officialAccountFields: { settings: FieldSpec[]; credentials: FieldSpec[] } = {
  settings: [{ name: 'appId', label: 'fieldAppId' }],
  credentials: [
    { name: 'appSecret', label: 'fieldAppSecret', secret: true },
    { name: 'token', label: 'fieldToken', secret: true },
    { name: 'encodingAesKey', label: 'fieldEncodingAesKey', secret: true, optional: true },
  ],
};

/** The platform's own names for what its back office shows, per kind. */
const fieldsOfKind: Record<AccountChannelKind, { settings: FieldSpec[]; credentials: FieldSpec[] }> = {
  wechat: officialAccountFields,
  // Mini programs' customer-service messages use the Official Account's protocol and fields, and may name
  // the mini program's own product page, which product cards then open.
  miniprogram: {
    settings: [
      ...officialAccountFields.settings,
      { name: 'productPagePath', label: 'fieldProductPagePath', optional: true },
    ],
    credentials: officialAccountFields.credentials,
  },
  wecom_kf: {
    settings: [
      { name: 'corpId', label: 'fieldCorpId' },
      { name: 'openKfId', label: 'fieldOpenKfId' },
      { name: 'handoffServicerUserId', label: 'fieldServicer', optional: true },
    ],
    credentials: [
      { name: 'secret', label: 'fieldSecret', secret: true },
      { name: 'token', label: 'fieldToken', secret: true },
      { name: 'encodingAesKey', label: 'fieldEncodingAesKey', secret: true },
    ],
  },
  email: emailFields('smtp'),
  telegram: {
    settings: [{ name: 'botUsername', label: 'fieldBotUsername', optional: true }],
    credentials: [
      { name: 'botToken', label: 'fieldBotToken', secret: true },
      { name: 'secretToken', label: 'fieldSecretToken', secret: true },
    ],
  },
  weibo: {
    settings: [
      { name: 'uid', label: 'fieldWeiboUid' },
      { name: 'appKey', label: 'fieldWeiboAppKey', optional: true },
    ],
    credentials: [
      { name: 'appSecret', label: 'fieldWeiboAppSecret', secret: true },
      { name: 'accessToken', label: 'fieldWeiboAccessToken', secret: true },
    ],
  },
};

/** WeChat's kinds choose plain or safe mode and may point at another API address; the others do not. */
const wechatProtocolKinds: readonly AccountChannelKind[] = ['wechat', 'miniprogram'];

export const kindLabels: Record<AccountChannelKind, Parameters<SecurityText>[0]> = {
  wechat: 'channelKindWechat',
  wecom_kf: 'channelKindWecomKf',
  miniprogram: 'channelKindMiniProgram',
  email: 'channelKindEmail',
  telegram: 'channelKindTelegram',
  weibo: 'channelKindWeibo',
};

/** Adds an account, or edits one (`editing`): settings shown, secrets write-only. */
export function ChannelAccountForm(props: {
  editing: ChannelAccount | null;
  onSubmit: (input: ChannelAccountInput) => Promise<void>;
  onClose: () => void;
}) {
  const text = useSecurityText();
  const [form] = Form.useForm<Record<string, string>>();
  const [kind, setKind] = useState<AccountChannelKind>(props.editing?.kind ?? 'wechat');
  const [saving, setSaving] = useState(false);
  const inbound = Form.useWatch('inbound', form) ?? String(props.editing?.settings.inbound ?? 'smtp');
  const fields = kind === 'email' ? emailFields(inbound) : fieldsOfKind[kind];
  const initial = {
    name: props.editing?.name ?? '',
    encryption: 'safe',
    inbound: 'smtp',
    imapTls: 'true',
    imapMarkSeen: 'true',
    ...stringSettings(props.editing),
  };

  const submit = async () => {
    const values = await form.validateFields();
    const pick = (specs: FieldSpec[]) =>
      Object.fromEntries(
        specs.flatMap((spec) => (values[spec.name] ? [[spec.name, values[spec.name] ?? '']] : [])),
      );
    const settings: Record<string, unknown> = pick(fields.settings);
    if (wechatProtocolKinds.includes(kind)) settings.encryption = values.encryption;
    if (kind !== 'email' && values.apiBaseUrl) settings.apiBaseUrl = values.apiBaseUrl;
    setSaving(true);
    try {
      await props.onSubmit({
        kind,
        name: values.name ?? '',
        settings,
        credentials: pick(fields.credentials),
      });
    } finally {
      setSaving(false);
    }
  };

  const requiredRule = (spec: FieldSpec) => ({
    required: !spec.optional && !(spec.secret && props.editing),
    message: text('required'),
  });
  return (
    <Modal
      open
      title={props.editing ? text('channelEdit', { name: props.editing.name }) : text('channelAdd')}
      okText={text('save')}
      cancelText={text('cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={props.onClose}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item label={text('channelKind')}>
          <Select
            aria-label={text('channelKind')}
            value={kind}
            disabled={props.editing !== null}
            onChange={setKind}
            options={accountChannelKinds.map((value) => ({
              value,
              label: text(kindLabels[value]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={text('channelName')}
          rules={[{ required: true, message: text('required') }]}
        >
          <Input />
        </Form.Item>
        {fields.settings.map((spec) => (
          <Form.Item key={spec.name} name={spec.name} label={text(spec.label)} rules={[requiredRule(spec)]}>
            {spec.choices ? (
              <Radio.Group
                options={spec.choices.map((choice) => ({ value: choice.value, label: text(choice.label) }))}
              />
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
        {wechatProtocolKinds.includes(kind) && (
          <Form.Item name="encryption" label={text('fieldEncryption')}>
            <Radio.Group
              options={[
                { value: 'safe', label: text('encryptionSafe') },
                { value: 'plain', label: text('encryptionPlain') },
              ]}
            />
          </Form.Item>
        )}
        {fields.credentials.map((spec) => (
          <Form.Item
            key={spec.name}
            name={spec.name}
            label={text(spec.label)}
            rules={[requiredRule(spec)]}
            extra={props.editing ? text('channelCredentialKeep') : undefined}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        ))}
        {kind !== 'email' && (
          <Form.Item name="apiBaseUrl" label={text('fieldApiBaseUrl')}>
            <Input />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function stringSettings(account: ChannelAccount | null): Record<string, string> {
  if (!account) return {};
  return Object.fromEntries(
    Object.entries(account.settings).flatMap(([name, value]) =>
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? [[name, String(value)]]
        : [],
    ),
  );
}
