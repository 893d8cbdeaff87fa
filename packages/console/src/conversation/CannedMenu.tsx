import { ThunderboltOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nContext';
import type { CannedResponse } from '../settings/cannedResponses';

/** The `/shortcut` suggestions above the reply box (a listbox driven from the textarea's keys). */
export function CannedMenu({
  matches,
  highlighted,
  onChoose,
}: {
  matches: CannedResponse[];
  highlighted: number;
  onChoose(index: number): void;
}) {
  const { t } = useI18n();
  return (
    <div className="canned-menu">
      <div className="canned-hint">
        <ThunderboltOutlined aria-hidden /> {t('cannedHint')}
      </div>
      {matches.length === 0 ? (
        <div className="canned-empty">{t('noCanned')}</div>
      ) : (
        <ul role="listbox" aria-label={t('cannedTitle')}>
          {matches.map((response, index) => (
            <li
              key={response.id}
              role="option"
              aria-selected={index === highlighted}
              className={index === highlighted ? 'canned-option canned-option--active' : 'canned-option'}
              onMouseDown={(event) => {
                event.preventDefault();
                onChoose(index);
              }}
            >
              <code>/{response.shortcut}</code>
              <span>{response.title ? `${response.title} · ${response.text}` : response.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
