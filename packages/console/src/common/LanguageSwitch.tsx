import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useI18n } from '../i18n/I18nContext';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <span className="language-switch">
      <GlobalOutlined aria-hidden />
      <Segmented
        size="small"
        aria-label={t('language')}
        value={locale}
        onChange={(value) => setLocale(value === 'en' ? 'en' : 'zh-CN')}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'English', value: 'en' },
        ]}
      />
    </span>
  );
}
