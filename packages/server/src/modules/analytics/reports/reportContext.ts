import type { Db } from '../../../db/database';
import type { ReportFilter } from '../reportFilter';

/** How people and products are named in reports (never by their ids when a name is known). */
export interface NameDirectory {
  agentName(agentId: string): string;
  productName(productId: string): string;
}

export interface ReportContext {
  db: Db;
  filter: ReportFilter;
  now: Date;
  names: NameDirectory;
}
