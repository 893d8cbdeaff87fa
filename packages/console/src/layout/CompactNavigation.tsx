import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { useI18n } from '../i18n/I18nContext';
import { ShellAccount } from './ShellAccount';
import './responsive.css';

/**
 * On phones the header has no room for the menu: a button opens it in a drawer, with the language and
 * sign-out that the header hides at that width. Shown by CSS below 768 px only.
 */
export function CompactNavigation({
  items,
  selectedKey,
  onSelect,
}: {
  items: MenuProps['items'];
  selectedKey: string;
  onSelect(key: string): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="text"
        className="shell-icon-button shell-compact-nav"
        icon={<MenuOutlined />}
        aria-label={t('navMenu')}
        aria-expanded={open}
        onClick={() => setOpen(true)}
      />
      <Drawer
        open={open}
        placement="left"
        size={280}
        title={t('appName')}
        onClose={() => setOpen(false)}
        className="compact-nav-drawer"
      >
        <Menu
          mode="inline"
          selectedKeys={[selectedKey]}
          items={items}
          onClick={({ key }) => {
            setOpen(false);
            onSelect(key);
          }}
        />
        <div className="compact-nav-footer">
          <LanguageSwitch />
          <ShellAccount />
        </div>
      </Drawer>
    </>
  );
}
