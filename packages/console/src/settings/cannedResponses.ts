// Canned responses live in this browser's localStorage until the server has an API for them.
import { useCallback, useEffect, useState } from 'react';

export interface CannedResponse {
  shortcut: string;
  text: string;
}

const storageKey = 'kefu.console.canned';
const changeEvent = 'kefu-canned-changed';

export const defaultCannedResponses: CannedResponse[] = [
  { shortcut: 'hi', text: '您好，很高兴为您服务，请问有什么可以帮您？' },
  { shortcut: 'ship', text: '您的订单已安排发货，物流信息会在 24 小时内更新，请留意短信通知。' },
  { shortcut: 'refund', text: '退款已提交，原路退回，一般 1-3 个工作日到账。' },
  { shortcut: 'wait', text: '请稍等，我马上为您查询。' },
  { shortcut: 'thanks', text: '感谢您的耐心等待，祝您购物愉快！' },
  { shortcut: 'hello', text: 'Hello! Thanks for contacting us. How can I help you today?' },
];

export function readCannedResponses(): CannedResponse[] {
  const text = localStorage.getItem(storageKey);
  if (!text) return defaultCannedResponses;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isCannedResponse) : defaultCannedResponses;
  } catch {
    return defaultCannedResponses;
  }
}

export function saveCannedResponses(responses: readonly CannedResponse[]): void {
  localStorage.setItem(storageKey, JSON.stringify(responses));
  window.dispatchEvent(new Event(changeEvent));
}

/** Canned responses whose shortcut starts with what follows the `/` the agent typed. */
export function findCannedResponses(responses: readonly CannedResponse[], query: string): CannedResponse[] {
  const normalized = query.toLowerCase();
  return responses.filter(
    (response) =>
      response.shortcut.toLowerCase().startsWith(normalized) ||
      (normalized.length > 1 && response.text.toLowerCase().includes(normalized)),
  );
}

export function useCannedResponses(): [CannedResponse[], (responses: CannedResponse[]) => void] {
  const [responses, setResponses] = useState(readCannedResponses);
  useEffect(() => {
    const update = () => setResponses(readCannedResponses());
    window.addEventListener(changeEvent, update);
    window.addEventListener('storage', update);
    return () => {
      window.removeEventListener(changeEvent, update);
      window.removeEventListener('storage', update);
    };
  }, []);
  const save = useCallback((next: CannedResponse[]) => saveCannedResponses(next), []);
  return [responses, save];
}

function isCannedResponse(value: unknown): value is CannedResponse {
  if (typeof value !== 'object' || value === null) return false;
  return typeof Reflect.get(value, 'shortcut') === 'string' && typeof Reflect.get(value, 'text') === 'string';
}
