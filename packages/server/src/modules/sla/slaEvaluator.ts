import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock';
import type { Db, DbExecutor } from '../../db/database';
import type { UnitOfWork } from '../../events/outbox';
import * as slaRepo from './repo';
import type { SlaTargetRow } from './repo';
import { slaTargetKindSchema } from './schemas';
import type { Ticket } from '../tickets';

const batchSize = 200;

/** Reads the ticket a target belongs to, for the alert (the tickets module passes it in). */
export type FindTicketForAlert = (db: DbExecutor, ticketId: string) => Promise<Ticket | undefined>;

/**
 * Finds SLA targets whose warning or due time has come and announces each once: the warning or breach
 * is claimed with a guarded update, so re-running (another process, a restart, a retried tick) adds
 * nothing. All state is in the database; the injected clock says what "now" is.
 */
export class SlaEvaluator {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly logger: FastifyBaseLogger,
    private readonly findTicket: FindTicketForAlert,
  ) {}

  async evaluate(): Promise<{ warnings: number; breaches: number }> {
    const now = this.clock.now().toISOString();
    let breaches = 0;
    for (const target of await slaRepo.listDueSlaTargets(this.db, 'due_at', now, batchSize))
      if (await this.announce(target, 'breach')) breaches += 1;
    let warnings = 0;
    for (const target of await slaRepo.listDueSlaTargets(this.db, 'warn_at', now, batchSize))
      if (await this.announce(target, 'warning')) warnings += 1;
    return { warnings, breaches };
  }

  start(intervalMs = 15_000): void {
    this.timer = setInterval(() => {
      this.evaluate().catch((error: unknown) => this.logger.error({ err: error }, 'SLA evaluation failed'));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async announce(target: SlaTargetRow, kind: 'warning' | 'breach'): Promise<boolean> {
    return this.unitOfWork.run(async (context) => {
      const claimed = await slaRepo.claimSlaAlert(context.trx, target.id, kind, context.now.toISOString());
      if (!claimed) return false;
      // A breach found before its warning was sent also settles the warning: nobody needs both at once.
      if (kind === 'breach' && !claimed.warned_at)
        await slaRepo.claimSlaAlert(context.trx, target.id, 'warning', context.now.toISOString());
      const ticket = await this.findTicket(context.trx, target.ticket_id);
      if (!ticket) return false;
      const payload = {
        ticket,
        target: slaTargetKindSchema.parse(target.target),
        dueAt: target.due_at,
      };
      await context.emit(kind === 'breach' ? 'ticket.sla_breached' : 'ticket.sla_warning', payload);
      return true;
    });
  }
}
