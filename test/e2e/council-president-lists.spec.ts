import { RoundWalk } from '../../seeds/common/round-walk.js';
import { LIVE_ROUND_CODE } from '../../seeds/demo/live-round.js';
import { ReasonCode } from '../../src/workflow/core/reason-codes.js';
import { Stage } from '../../src/workflow/core/stages.js';
import { CouncilService } from '../../src/workflow/decisions/council.service.js';
import { PresidentDecisionService } from '../../src/workflow/decisions/president-decision.service.js';
import { useDemoApp } from '../seeds/support/demo-app.js';

const APPRAISERS = ['thamdinh.ca', 'thamdinh.qp', 'thamdinh.tand', 'thamdinh.vks', 'thamdinh.mttq', 'thamdinh.btp'];

interface Disposed {
  dossier_id: string;
  disposition: string;
  outgoing_list_id: string | null;
  reason_code: string | null;
  reason: string | null;
}

// The Advisory Council and the President each settle a whole list at once; every name they received is accounted for,
// on the list it came on, by what became of it (Luật Đặc xá 2018, Điều 17–18): recommended or not, granted or not.
describe('the Council and the President account for every name they received', () => {
  const { state, rows } = useDemoApp('council_president_lists');
  const disposed = (listId: string) =>
    rows<Disposed>(
      `SELECT dossier_id, disposition, outgoing_list_id, reason_code, reason FROM list_dispositions
       WHERE list_id = $1 ORDER BY dossier_id`,
      [listId],
    );

  it('records a disposition for each name, with the list it went on or the reason it stopped', async () => {
    const app = state.app;
    const [{ id: roundId }] = await rows<{ id: string }>('SELECT id FROM rounds WHERE code = $1', [LIVE_ROUND_CODE]);
    const walk = new RoundWalk(app, { id: roundId, deadlines: {} as never }, 'Council and President');
    const appraisers = await Promise.all(APPRAISERS.map((u) => walk.as(u)));
    const atAppraisal = await walk.heads(Stage.APPRAISAL, null);
    expect(atAppraisal.length).toBeGreaterThanOrEqual(3);
    await walk.opinions(
      appraisers,
      atAppraisal.map((h) => h.id),
    );
    await walk.forward(appraisers[0]);
    await walk.forward(await walk.as('thuongtruc.hdtvdx'));

    const member = await walk.as('thanhvien.hdtvdx');
    const council = app.get(CouncilService);
    const pending = await council.pending(member, roundId);
    const names = (pending.items as { dossierId: string; listId: string }[]).map((i) => i.dossierId).sort();
    expect(names.length).toBeGreaterThanOrEqual(3);
    const [rejected, notGranted] = names;
    const lists = await council.decide(member, {
      roundId,
      token: pending.token,
      ineligible: [{ dossierId: rejected, reasonCode: ReasonCode.CONDITIONS_NOT_MET, reason: 'Chưa nộp đủ án phí' }],
    });
    expect([lists.eligible?.entryCount, lists.ineligible?.entryCount]).toEqual([names.length - 1, 1]);
    const received = [...new Set((pending.items as { listId: string }[]).map((i) => i.listId))];
    const atCouncil = (await Promise.all(received.map(disposed))).flat();
    expect(atCouncil.map((d) => d.dossier_id).sort()).toEqual(names);
    for (const d of atCouncil)
      expect([d.disposition, d.outgoing_list_id]).toEqual([
        'forwarded',
        d.dossier_id === rejected ? lists.ineligible!.id : lists.eligible!.id,
      ]);

    const standing = await walk.as('thuongtruc.hdtvdx');
    const decision = await app.get(PresidentDecisionService).record(standing, {
      councilListId: lists.eligible!.id,
      number: '1244/2025/QĐ-CTN',
      decisionDate: state.today,
      notGranted: [{ dossierId: notGranted, reason: 'Chủ tịch nước không quyết định đặc xá.' }],
    });
    expect([decision.granted, decision.notGranted]).toEqual([names.length - 2, 1]);
    const atPresident = await disposed(lists.eligible!.id);
    expect(atPresident.map((d) => d.dossier_id)).toEqual(names.filter((n) => n !== rejected));
    for (const d of atPresident)
      expect(d).toEqual(
        d.dossier_id === notGranted
          ? {
              dossier_id: notGranted,
              disposition: 'removed',
              outgoing_list_id: null,
              reason_code: 'other',
              reason: 'Chủ tịch nước không quyết định đặc xá.',
            }
          : {
              dossier_id: d.dossier_id,
              disposition: 'forwarded',
              outgoing_list_id: decision.listId,
              reason_code: null,
              reason: null,
            },
      );
    const stages = await rows<{ id: string; stage: string }>('SELECT id, stage FROM dossiers WHERE id = ANY($1)', [
      names,
    ]);
    expect(new Map(stages.map((s) => [s.id, s.stage]))).toEqual(
      new Map(
        names.map((n) => [
          n,
          n === rejected ? Stage.COUNCIL_INELIGIBLE : n === notGranted ? Stage.NOT_GRANTED : Stage.GRANTED,
        ]),
      ),
    );
  }, 120_000);
});
