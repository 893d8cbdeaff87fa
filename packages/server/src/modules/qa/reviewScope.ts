// Team scoping of quality inspection: a reader without `reports:read_all` sees and reviews only the inspections
// of its teams' agents; the others answer as if they did not exist.
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { isWithinScope, reportScopeOf } from '../analytics';
import type { ReportReader, ReportScope } from '../analytics';
import { findFlag, findInspection } from './repo';
import type { QaDirectory } from './reviewService';

export class QaReviewScope {
  constructor(
    private readonly db: Db,
    private readonly directory: QaDirectory,
  ) {}

  /** The teams a reader's inspections come from (null: every team's). */
  async of(reader: ReportReader): Promise<ReportScope | null> {
    return reportScopeOf(reader, () => this.directory.listTeams());
  }

  async requireInspection(conversationId: string, scope: ReportScope | null): Promise<void> {
    if (!scope) return;
    const inspection = await findInspection(this.db, conversationId);
    if (!inspection || !isWithinScope(scope, inspection.agent_id))
      throw new KefuError('qa_inspection_not_found');
  }

  async requireFlag(flagId: string, scope: ReportScope | null): Promise<void> {
    if (!scope) return;
    const flag = await findFlag(this.db, flagId);
    if (!flag) throw new KefuError('qa_flag_not_found');
    await this.requireInspection(flag.conversation_id, scope);
  }

  requireAgent(agentId: string, scope: ReportScope | null): void {
    if (!isWithinScope(scope, agentId)) throw new KefuError('agent_not_found');
  }
}
