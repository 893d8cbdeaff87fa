// Styles live inside the widget's Shadow DOM, so the host page can neither break them nor be touched by them.
import { createElement } from './createElement';

const WIDGET_STYLES = `
:host { all: initial; --kefu-primary: #1f6feb; --kefu-primary-text: #fff; }
* { box-sizing: border-box; }
.kefu-root {
  font-family: -apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif;
  font-size: 14px; line-height: 1.5; color: #1f2329; -webkit-font-smoothing: antialiased;
}
button { font: inherit; cursor: pointer; }
.kefu-icon { width: 24px; height: 24px; fill: currentColor; display: block; }
.kefu-bubble {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 58px; height: 58px;
  border: none; border-radius: 50%; background: var(--kefu-primary); color: var(--kefu-primary-text);
  display: flex; align-items: center; justify-content: center;
  box-shadow: 0 6px 20px rgba(15, 23, 42, .25); transition: transform .15s ease;
}
.kefu-bubble:hover { transform: scale(1.06); }
.kefu-bubble:focus-visible, .kefu-window button:focus-visible, .kefu-input:focus-visible {
  outline: 3px solid rgba(31, 111, 235, .45); outline-offset: 2px;
}
.kefu-bubble .kefu-icon { width: 28px; height: 28px; }
.kefu-badge {
  position: absolute; top: -3px; right: -3px; min-width: 20px; height: 20px; padding: 0 6px;
  border-radius: 10px; background: #f5222d; color: #fff; font-size: 12px; font-weight: 600;
  line-height: 20px; text-align: center; box-shadow: 0 0 0 2px #fff;
}
.kefu-badge[hidden] { display: none; }
.kefu-window {
  position: fixed; right: 20px; bottom: 92px; z-index: 2147483001; width: 372px;
  height: min(620px, calc(100vh - 116px)); display: flex; flex-direction: column; overflow: hidden;
  background: #fff; border-radius: 14px; box-shadow: 0 12px 48px rgba(15, 23, 42, .22);
  animation: kefu-rise .18s ease-out;
}
.kefu-window[hidden] { display: none; }
@keyframes kefu-rise { from { opacity: 0; transform: translateY(12px); } to { opacity: 1; transform: none; } }
.kefu-header {
  display: flex; align-items: center; gap: 12px; padding: 14px 12px 14px 16px;
  background: var(--kefu-primary); color: var(--kefu-primary-text);
}
.kefu-avatar {
  width: 38px; height: 38px; border-radius: 50%; flex: none; display: flex; align-items: center;
  justify-content: center; background: rgba(255, 255, 255, .2);
}
.kefu-heading { flex: 1; min-width: 0; }
.kefu-title { margin: 0; font-size: 16px; font-weight: 600; line-height: 1.3; }
.kefu-status { font-size: 12px; opacity: .88; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kefu-status::before {
  content: ""; display: inline-block; width: 7px; height: 7px; margin-right: 6px; border-radius: 50%;
  background: #52c41a; vertical-align: 1px;
}
.kefu-status--away::before { background: #c9cdd4; }
.kefu-close {
  border: none; background: transparent; color: inherit; width: 36px; height: 36px; border-radius: 8px;
  display: flex; align-items: center; justify-content: center;
}
.kefu-close:hover { background: rgba(255, 255, 255, .16); }
.kefu-banner { padding: 6px 12px; font-size: 12px; text-align: center; background: #fff7e6; color: #ad6800; }
.kefu-banner[hidden] { display: none; }
.kefu-log { flex: 1; overflow-y: auto; padding: 16px 14px 8px; background: #f5f6f8; overscroll-behavior: contain; }
.kefu-empty { margin: 24px 12px; text-align: center; color: #646a73; font-size: 13px; }
.kefu-row { display: flex; flex-direction: column; margin: 0 0 14px; }
.kefu-row--customer { align-items: flex-end; }
.kefu-row--bot, .kefu-row--agent { align-items: flex-start; }
.kefu-row--system { align-items: center; }
.kefu-sender { font-size: 12px; color: #646a73; margin: 0 0 4px 4px; }
.kefu-text {
  max-width: 82%; padding: 9px 13px; border-radius: 14px; white-space: pre-wrap;
  overflow-wrap: anywhere; word-break: break-word;
}
.kefu-row--customer .kefu-text {
  background: var(--kefu-primary); color: var(--kefu-primary-text); border-bottom-right-radius: 4px;
}
.kefu-row--bot .kefu-text, .kefu-row--agent .kefu-text {
  background: #fff; border: 1px solid #e4e6eb; border-bottom-left-radius: 4px;
}
.kefu-row--agent .kefu-sender { color: #1f6feb; font-weight: 500; }
.kefu-row--system .kefu-text {
  max-width: 90%; padding: 4px 12px; font-size: 12px; color: #646a73; background: #eaecef; text-align: center;
}
.kefu-meta { display: flex; gap: 8px; align-items: center; margin: 3px 4px 0; font-size: 11px; color: #8f959e; }
.kefu-row--pending .kefu-text { opacity: .7; }
.kefu-row--failed .kefu-meta { color: #f5222d; }
.kefu-retry {
  border: 1px solid #f5222d; background: #fff; color: #f5222d; border-radius: 10px;
  padding: 0 8px; font-size: 11px; line-height: 18px;
}
.kefu-quick { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; max-width: 92%; }
.kefu-quick[hidden] { display: none; }
.kefu-chip {
  border: 1px solid var(--kefu-primary); color: var(--kefu-primary); background: #fff; border-radius: 16px;
  padding: 5px 12px; font-size: 13px; line-height: 1.4;
}
.kefu-chip:hover { background: var(--kefu-primary); color: var(--kefu-primary-text); }
.kefu-typing { display: flex; align-items: center; gap: 8px; padding: 0 18px 8px; background: #f5f6f8;
  font-size: 12px; color: #646a73; }
.kefu-typing[hidden] { display: none; }
.kefu-dots { display: inline-flex; gap: 3px; padding: 8px 10px; background: #fff; border: 1px solid #e4e6eb;
  border-radius: 12px; }
.kefu-dots span { width: 6px; height: 6px; border-radius: 50%; background: #8f959e; animation: kefu-blink 1.2s infinite; }
.kefu-dots span:nth-child(2) { animation-delay: .2s; }
.kefu-dots span:nth-child(3) { animation-delay: .4s; }
@keyframes kefu-blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
.kefu-photos { display: flex; flex-wrap: wrap; gap: 6px; max-width: 82%; margin-bottom: 4px; }
.kefu-row--customer .kefu-photos { justify-content: flex-end; }
.kefu-photo-frame { display: block; width: 150px; height: 150px; border-radius: 12px; overflow: hidden;
  background: #e4e6eb; border: 1px solid #e4e6eb; }
.kefu-photo-frame--loading { background: linear-gradient(90deg, #eceef1, #f7f8fa, #eceef1); }
.kefu-photo { width: 100%; height: 100%; object-fit: cover; display: block; }
.kefu-photo-missing { display: block; padding: 10px; font-size: 12px; color: #646a73; }
.kefu-card { width: 82%; max-width: 300px; margin-top: 6px; background: #fff; border: 1px solid #e4e6eb;
  border-radius: 12px; overflow: hidden; font-size: 13px; }
.kefu-card--product { display: flex; gap: 10px; padding: 10px; }
.kefu-card__media { flex: none; width: 64px; height: 64px; border-radius: 8px; background: #f5f6f8;
  display: flex; align-items: center; justify-content: center; font-size: 34px; overflow: hidden; }
.kefu-card__media img { width: 100%; height: 100%; object-fit: cover; }
.kefu-card__body { min-width: 0; flex: 1; }
.kefu-card__title { font-weight: 600; line-height: 1.35; overflow-wrap: anywhere; }
.kefu-card__price { color: #e4393c; font-weight: 600; margin: 2px 0; }
.kefu-card__facts { margin: 2px 0 4px; padding: 0; list-style: none; color: #646a73; font-size: 12px; }
.kefu-card__facts li::before { content: "· "; }
.kefu-card__link { color: var(--kefu-primary); text-decoration: none; font-size: 12px; font-weight: 500; }
.kefu-card__link:hover { text-decoration: underline; }
.kefu-card--order { padding: 10px 12px; }
.kefu-card__head { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
.kefu-card__status { flex: none; color: var(--kefu-primary); font-weight: 600; font-size: 12px; }
.kefu-card__items { margin: 6px 0 2px; padding: 0; list-style: none; color: #1f2329; }
.kefu-card__total, .kefu-card__carrier { color: #646a73; font-size: 12px; }
.kefu-timeline { margin: 8px 0 0; padding: 0 0 0 14px; list-style: none; border-left: 2px solid #e4e6eb; }
.kefu-timeline li { position: relative; margin: 0 0 6px; font-size: 12px; color: #646a73; }
.kefu-timeline li::before { content: ""; position: absolute; left: -19px; top: 5px; width: 8px; height: 8px;
  border-radius: 50%; background: #c9cdd4; }
.kefu-timeline li:first-child { color: #1f2329; }
.kefu-timeline li:first-child::before { background: var(--kefu-primary); }
.kefu-timeline time { display: block; font-size: 11px; color: #8f959e; }
.kefu-timeline__toggle { border: none; background: none; padding: 0; color: var(--kefu-primary); font-size: 12px; }
.kefu-welcome { display: flex; flex-direction: column; gap: 10px; }
.kefu-section-title { margin: 0 0 6px; font-size: 12px; font-weight: 600; color: #646a73; }
.kefu-suggestions { display: flex; flex-direction: column; align-items: flex-start; gap: 6px;
  background: #fff; border: 1px solid #e4e6eb; border-radius: 12px; padding: 10px 12px; }
.kefu-suggestion { border: none; background: none; padding: 2px 0; color: var(--kefu-primary); text-align: left;
  font-size: 13px; line-height: 1.45; }
.kefu-suggestion::before { content: "›"; margin-right: 6px; color: #8f959e; }
.kefu-suggestion:hover { text-decoration: underline; }
.kefu-recent-order { display: flex; flex-direction: column; align-items: flex-start; gap: 6px; margin-bottom: 8px; }
.kefu-recent-order .kefu-card { width: 100%; max-width: none; }
.kefu-notice { margin: 0 12px 8px; padding: 8px 10px; border-radius: 8px; background: #f0f5ff; color: #1f2329;
  font-size: 12px; }
.kefu-notice[hidden] { display: none; }
.kefu-attach { flex: none; width: 40px; height: 40px; border: none; border-radius: 10px; background: #f5f6f8;
  color: #646a73; display: flex; align-items: center; justify-content: center; }
.kefu-attach:hover { color: var(--kefu-primary); }
.kefu-attach .kefu-icon { width: 22px; height: 22px; }
.kefu-composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px; border-top: 1px solid #e4e6eb; }
.kefu-input {
  flex: 1; resize: none; max-height: 120px; min-height: 40px; padding: 9px 12px; border: 1px solid #d0d3d9;
  border-radius: 10px; font: inherit; color: inherit; background: #fff; line-height: 1.45;
}
.kefu-input:focus { border-color: var(--kefu-primary); outline: none; }
.kefu-send {
  flex: none; width: 40px; height: 40px; border: none; border-radius: 10px; background: var(--kefu-primary);
  color: var(--kefu-primary-text); display: flex; align-items: center; justify-content: center;
}
.kefu-send:disabled { opacity: .45; cursor: default; }
.kefu-send .kefu-icon { width: 20px; height: 20px; }
.kefu-hint { padding: 0 12px 8px; font-size: 12px; color: #f5222d; }
.kefu-hint[hidden] { display: none; }
.kefu-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media (max-width: 480px) {
  .kefu-window { inset: 0; width: 100%; height: 100%; border-radius: 0; animation: none; }
  .kefu-root--open .kefu-bubble { display: none; }
  .kefu-bubble { right: 16px; bottom: 16px; }
  .kefu-input { font-size: 16px; }
}
@media (prefers-reduced-motion: reduce) {
  .kefu-window, .kefu-dots span { animation: none; }
  .kefu-bubble { transition: none; }
}
`;

/**
 * A constructed style sheet where the browser has them: a page whose Content-Security-Policy forbids inline
 * styles (no 'unsafe-inline' in style-src) still shows the widget. Older browsers get a <style> element.
 */
export function applyWidgetStyles(shadow: ShadowRoot): void {
  if (
    'adoptedStyleSheets' in shadow &&
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_STYLES);
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  shadow.appendChild(createElement('style', { text: WIDGET_STYLES }));
}
