import type { ReportLocale } from '../labels';
import type { NameDirectory } from './reportContext';

/** What reports need of the agents and commerce modules, given as functions by the composition root. */
export interface ReportDirectory {
  listAgents(): Promise<{ id: string; displayName: string }[]>;
  listTeams(): Promise<{ id: string; memberIds: string[] }[]>;
  listProducts(locale: ReportLocale): Promise<{ id: string; name: string }[]>;
}

/** Agents' and products' names in the locale, loaded once per report. */
export async function loadNameDirectory(
  directory: ReportDirectory,
  locale: ReportLocale,
): Promise<NameDirectory> {
  const agents = new Map((await directory.listAgents()).map((agent) => [agent.id, agent.displayName]));
  const products = new Map(
    (await directory.listProducts(locale)).map((product) => [product.id, product.name]),
  );
  const unknownAgent = locale === 'en' ? 'Former agent' : '已删除的客服';
  return {
    agentName: (agentId) => agents.get(agentId) ?? unknownAgent,
    productName: (productId) => products.get(productId) ?? productId,
  };
}
