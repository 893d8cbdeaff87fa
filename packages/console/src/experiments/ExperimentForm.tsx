import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ExperimentInput, ExperimentMetric, ExperimentScript } from '@kefu/sdk';
import { experimentMetrics } from '@kefu/sdk';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { metricLabels, scriptLabel, useExperimentsText } from './experimentsApi';

interface FormValues {
  name: string;
  scriptKey: string;
  metric: ExperimentMetric;
  variants: { name: string; weight: number; textZh?: string; textEn?: string }[];
}

const maximumVariants = 4;

/** A new experiment: the script, the metric, the control (the current text) and 1–3 variants with both texts. */
export function ExperimentForm({
  open,
  scripts,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  scripts: ExperimentScript[];
  onCancel: () => void;
  onSubmit: (input: ExperimentInput) => Promise<void>;
}) {
  const text = useExperimentsText();
  const { locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const scriptKey = Form.useWatch('scriptKey', form);
  const chosenScript = scripts.find((script) => script.key === scriptKey);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      metric: 'containment',
      variants: [
        { name: text('exControlName'), weight: 50 },
        { name: 'B', weight: 50, textZh: '', textEn: '' },
      ],
    });
  }, [open, form, text]);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await onSubmit({
        name: values.name,
        scriptKey: values.scriptKey,
        metric: values.metric,
        variants: values.variants.map((variant, index) =>
          index === 0
            ? { name: variant.name, weight: variant.weight }
            : {
                name: variant.name,
                weight: variant.weight,
                textZh: variant.textZh ?? '',
                textEn: variant.textEn ?? '',
              },
        ),
      });
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, whitespace: true, message: text('exRequired') }];

  return (
    <Modal
      open={open}
      width={720}
      title={text('exCreate')}
      okText={text('exSave')}
      cancelText={text('exCancel')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="experiment">
        <Form.Item name="name" label={text('exName')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="scriptKey"
          label={text('exScript')}
          rules={[{ required: true, message: text('exRequired') }]}
        >
          <Select<string>
            showSearch
            optionFilterProp="label"
            options={scripts.map((script) => ({ value: script.key, label: scriptLabel(text, script) }))}
          />
        </Form.Item>
        {chosenScript && (
          <Typography.Paragraph type="secondary">
            {text('exCurrentText', { text: locale === 'en' ? chosenScript.textEn : chosenScript.textZh })}
          </Typography.Paragraph>
        )}
        <Form.Item name="metric" label={text('exMetric')}>
          <Select<ExperimentMetric>
            options={experimentMetrics.map((metric) => ({
              value: metric,
              label: text(metricLabels[metric]),
            }))}
          />
        </Form.Item>
        <Typography.Text strong>{text('exVariants')}</Typography.Text>
        <Typography.Paragraph type="secondary">{text('exWeightsHint')}</Typography.Paragraph>
        <Form.List name="variants">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={
                    index === 0
                      ? text('exControl')
                      : `${text('exVariant')} ${String.fromCharCode(65 + index)}`
                  }
                  extra={
                    index > 1 && (
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={text('exRemoveVariant')}
                        onClick={() => remove(field.name)}
                      />
                    )
                  }
                >
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'name']} label={text('exVariantName')} rules={required}>
                      <Input maxLength={60} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'weight']}
                      label={text('exWeight')}
                      rules={[{ required: true, message: text('exRequired') }]}
                    >
                      <InputNumber min={1} max={99} precision={0} />
                    </Form.Item>
                  </Space>
                  {index > 0 && (
                    <>
                      <Form.Item name={[field.name, 'textZh']} label={text('exTextZh')} rules={required}>
                        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'textEn']} label={text('exTextEn')} rules={required}>
                        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
                      </Form.Item>
                    </>
                  )}
                </Card>
              ))}
              {fields.length < maximumVariants && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: String.fromCharCode(65 + fields.length), weight: 10 })}
                >
                  {text('exAddVariant')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
