import { KefuServiceApi } from '@kefu/sdk';
import { useCallback, useEffect, useState } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { useI18n } from '../i18n/I18nContext';

/** Names of authors and reviewers, from the colleague directory every agent may read. */
export function useAgentNames(): (agentId: string | null) => string {
  const { t } = useI18n();
  const { client } = useSession();
  const me = useSignedInAgent();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let current = true;
    new KefuServiceApi(client).getDirectory().then(
      (directory) =>
        current && setNames(new Map(directory.agents.map((agent) => [agent.id, agent.displayName]))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client]);
  return useCallback(
    (agentId: string | null) => {
      if (agentId === null) return t('kbSystem');
      if (agentId === me.id) return `${me.displayName}（${t('kbMe')}）`;
      return names.get(agentId) ?? agentId.slice(-6);
    },
    [names, me.id, me.displayName, t],
  );
}
