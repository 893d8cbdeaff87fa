import { KefuKnowledgeApi } from '@kefu/sdk';
import { useMemo } from 'react';
import { useSession } from '../auth/SessionContext';

/** The knowledge-base API on the console's signed-in client. */
export function useKnowledgeApi(): KefuKnowledgeApi {
  const { client } = useSession();
  return useMemo(() => new KefuKnowledgeApi(client), [client]);
}
