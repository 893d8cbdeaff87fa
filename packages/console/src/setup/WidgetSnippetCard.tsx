import { CopyOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { useSetupText } from './setupText';

/**
 * The script tag for the shop's pages, with a copy button, and a live preview: the same widget loaded into
 * this page, talking to the real bot.
 */
export function WidgetSnippetCard() {
  const text = useSetupText();
  const { locale } = useI18n();
  const [copied, setCopied] = useState(false);
  const [previewing, setPreviewing] = useState(() => document.getElementById(previewScriptId) !== null);
  const widgetLocale = locale === 'en' ? 'en' : 'zh-CN';
  const snippet = `<script src="${window.location.origin}/widget.js" data-locale="${widgetLocale}" async></script>`;
  const copy = async () => {
    await navigator.clipboard.writeText(snippet);
    setCopied(true);
  };
  const preview = () => {
    if (document.getElementById(previewScriptId)) return setPreviewing(true);
    const script = document.createElement('script');
    script.id = previewScriptId;
    script.src = '/widget.js';
    script.dataset.locale = widgetLocale;
    document.body.append(script);
    setPreviewing(true);
  };
  return (
    <div className="setup-widget">
      <pre className="setup-snippet" data-testid="widget-snippet">
        {snippet}
      </pre>
      <Space wrap>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {copied ? text('copied') : text('copy')}
        </Button>
        <Button icon={<EyeOutlined />} onClick={preview} disabled={previewing}>
          {text('preview')}
        </Button>
      </Space>
      {previewing && <Alert type="info" title={text('previewOn')} />}
    </div>
  );
}

const previewScriptId = 'kefu-widget-preview';
