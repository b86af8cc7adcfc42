import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScopedRecord, ScopeService } from '../../auth/scope.service.js';
import type { SessionUser } from '../../auth/session-user.js';
import { traceLineage } from '../core/lineage.js';
import { reconcile } from '../core/reconciliation.js';
import { workflowActorOf } from '../common/actor.js';
import { UnitOfWork } from '../common/unit-of-work.js';
import { BallotRepository } from '../ballots/ballot.repository.js';
import { LineageRepository } from './lineage.repository.js';
import { ListRepository } from './list.repository.js';

// Reading frozen lists: their entries, the reconciliation of the hop that produced them, and the lineage of every name.
@Injectable()
export class ListQueryService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lists: ListRepository,
    private readonly lineage: LineageRepository,
    private readonly ballots: BallotRepository,
    private readonly scope: ScopeService,
  ) {}

  async index(user: SessionUser, roundId: string | null) {
    workflowActorOf(user);
    return this.uow.read((manager) =>
      this.lists.visible(manager, { roundId, filter: this.scope.filter(ScopedRecord.LIST, user, 'l', 2) }),
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
    workflowActorOf(user);
    return this.uow.read(async (manager) => {
      await this.scope.assertVisible(manager, user, ScopedRecord.LIST, id);
      const list = await this.lists.findList(manager, id);
      return work(manager, list);
    });
  }
}
