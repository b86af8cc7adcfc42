import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundException } from '../../common/app.exception.js';
import type { SessionUser } from '../../auth/session-user.js';
import { traceLineage } from '../core/lineage.js';
import { reconcile } from '../core/reconciliation.js';
import { WorkflowRole } from '../core/roles.js';
import { workflowActorOf } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { BallotRepository } from '../ballots/ballot.repository.js';
import { LineageRepository } from './lineage.repository.js';
import { ListRepository } from './list.repository.js';

const NATIONAL = new Set<string>([
  WorkflowRole.APPRAISER,
  WorkflowRole.COUNCIL_STANDING_OFFICER,
  WorkflowRole.COUNCIL_MEMBER,
]);

// Reading frozen lists: their entries, the reconciliation of the hop that produced them, and the lineage of every name.
@Injectable()
export class ListQueryService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lists: ListRepository,
    private readonly lineage: LineageRepository,
    private readonly ballots: BallotRepository,
  ) {}

  async index(user: SessionUser, roundId: string | null) {
    const actor = workflowActorOf(user);
    return this.uow.read((manager) =>
      this.lists.forUnit(manager, { unitPath: actor.unitPath, roundId, national: NATIONAL.has(actor.role) }),
    );
  }

  async get(user: SessionUser, id: string) {
    return this.read(user, id, async (manager, list) => ({ ...list, entries: await this.lists.entries(manager, id) }));
  }

  async reconciliation(user: SessionUser, id: string) {
    return this.read(user, id, async (manager, list) => {
      const hop = await this.lineage.hop(manager, id);
      return {
        listId: id,
        code: list.code,
        ...reconcile({ incoming: hop.incoming, dispositions: hop.dispositions, outgoingDossierIds: hop.outgoing }),
      };
    });
  }

  async lineageReport(user: SessionUser, id: string) {
    return this.read(user, id, async (manager, list) => {
      const lists = await this.lineage.graph(manager, id);
      const root = lists.find((l) => l.id === id)!;
      const ballots = await this.ballots.origins(manager, root.dossierIds);
      return { code: list.code, ...traceLineage({ listId: id, lists, ballots }) };
    });
  }

  private async read<T>(
    user: SessionUser,
    id: string,
    work: (manager: EntityManager, list: { code: string }) => Promise<T>,
  ): Promise<T> {
    const actor = workflowActorOf(user);
    return this.uow.read(async (manager) => {
      const list = await this.lists.findList(manager, id);
      const mine =
        list &&
        (NATIONAL.has(actor.role) ||
          (list.ownerPath as string).startsWith(actor.unitPath) ||
          ((list.recipientPath as string | null) ?? '').startsWith(actor.unitPath));
      if (!mine) throw new NotFoundException('danh sách');
      return work(manager, list);
    });
  }
}
