import { Modal } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/zhCN';

const shortcuts: [keys: string[], description: MessageKey][] = [
  [['j', 'k'], 'shortcutNextPrev'],
  [['Alt+1', 'Alt+2', 'Alt+3'], 'shortcutTabs'],
  [['/'], 'shortcutSearch'],
  [['r'], 'shortcutFocusComposer'],
  [['Enter'], 'shortcutSend'],
  [['/shortcut'], 'shortcutCanned'],
  [['Alt+T'], 'shortcutTakeOver'],
  [['Alt+E'], 'shortcutResolve'],
  [['Alt+H'], 'shortcutHandBack'],
  [['?'], 'shortcutHelp'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcutsTitle')} width={460}>
      <table className="shortcuts-table">
        <tbody>
          {shortcuts.map(([keys, description]) => (
            <tr key={description}>
              <td>
                {keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </td>
              <td>{t(description)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
