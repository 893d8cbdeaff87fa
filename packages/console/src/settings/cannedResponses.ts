// Canned replies from the server (the agent's own and their teams'), shared by the reply box and the settings.
import { KefuCannedApi } from '@kefu/sdk';
import type { CannedReply } from '@kefu/sdk';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';

export type CannedResponse = CannedReply;

const changeEvent = 'kefu-canned-changed';

/** After a change: every reply box and list in this tab reads the replies again. */
export function announceCannedChange(): void {
  window.dispatchEvent(new Event(changeEvent));
}

/** `word` matches shortcuts starting with it; several words (`/退货 地址`) search titles, categories and texts. */
export function findCannedResponses(responses: readonly CannedResponse[], query: string): CannedResponse[] {
  const normalized = query.trim().toLowerCase();
  const words = normalized.split(/\s+/).filter(Boolean);
  return responses.filter((response) => {
    if (words.length <= 1 && response.shortcut.toLowerCase().startsWith(normalized)) return true;
    const haystack =
      `${response.shortcut} ${response.title} ${response.category} ${response.text}`.toLowerCase();
    return normalized.length > 1 && words.every((word) => haystack.includes(word));
  });
}

export function useCannedApi(): KefuCannedApi {
  const { client } = useSession();
  return useMemo(() => new KefuCannedApi(client), [client]);
}

export function useCannedResponses(): [CannedResponse[], () => void] {
  const api = useCannedApi();
  const [responses, setResponses] = useState<CannedResponse[]>([]);
  const reload = useCallback(() => {
    api.list().then(setResponses, () => undefined);
  }, [api]);
  useEffect(() => {
    reload();
    window.addEventListener(changeEvent, reload);
    return () => window.removeEventListener(changeEvent, reload);
  }, [reload]);
  return [responses, reload];
}
