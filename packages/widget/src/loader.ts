// Entry point of widget.js: reads the <script> tag's options, mounts the widget and exposes window.Kefu.
import { ChatController } from './chatController';
import { KEFU_READY_EVENT, parsePageContext, parseShopIdentity, type KefuWidgetApi } from './kefuWidgetApi';
import { findWidgetScript, readWidgetOptions } from './widgetOptions';
import { normalizeWidgetLocale } from './widgetStrings';

declare global {
  interface Window {
    Kefu?: KefuWidgetApi;
  }
}

const WIDGET_MOUNTED_FLAG = '__kefuWidgetMounted';

mountWidget(findWidgetScript());

function mountWidget(script: HTMLScriptElement | null): void {
  // Embedding the script twice must not produce two bubbles.
  if (Reflect.get(window, WIDGET_MOUNTED_FLAG) === true) return;
  Reflect.set(window, WIDGET_MOUNTED_FLAG, true);
  const options = readWidgetOptions(script);
  const start = (): void => {
    const controller = new ChatController(options);
    const api: KefuWidgetApi = {
      open: () => controller.open(),
      close: () => controller.close(),
      setPage: (page) => controller.setPage(parsePageContext(page)),
      setLocale: (locale) => controller.setLocale(normalizeWidgetLocale(locale)),
      identify: (identity) => {
        const parsed = parseShopIdentity(identity);
        if (parsed) controller.identify(parsed);
      },
    };
    const queuedCalls = readQueuedCalls();
    window.Kefu = api;
    for (const [method, argument] of queuedCalls) runQueuedCall(api, method, argument);
    window.dispatchEvent(new CustomEvent(KEFU_READY_EVENT, { detail: api }));
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

function readQueuedCalls(): Array<[string, unknown]> {
  const existing: unknown = Reflect.get(window, 'Kefu');
  if (typeof existing !== 'object' || existing === null) return [];
  const queue: unknown = Reflect.get(existing, 'q');
  if (!Array.isArray(queue)) return [];
  return queue.flatMap((call: unknown): Array<[string, unknown]> =>
    Array.isArray(call) && typeof call[0] === 'string' ? [[call[0], call[1]]] : [],
  );
}

function runQueuedCall(api: KefuWidgetApi, method: string, argument: unknown): void {
  if (method === 'open') api.open();
  else if (method === 'close') api.close();
  else if (method === 'setPage') api.setPage(parsePageContext(argument));
  else if (method === 'setLocale' && typeof argument === 'string') api.setLocale(argument);
  else if (method === 'identify') {
    const identity = parseShopIdentity(argument);
    if (identity) api.identify(identity);
  }
}
