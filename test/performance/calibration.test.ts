import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvent, calibrationEntry, person, raterLeniency, reviewCycle } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { calibrationFixture, calibrationOrg, createReviewCycle, pastLeniency } from '../support/calibration.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

type Row = { subject: { id: string; name: string }; proposed: { score: number | null; reweighted: boolean; parts: { source: string; value: number | null; used: boolean }[] }; finalRating: number | null; box: number | null; boxName: string | null; potential: number | null; adjusted: boolean; performance: string | null };
const bySubject = (rows: Row[]) => new Map(rows.map((r) => [r.subject.name, r]));

async function engineeringSession(o: Awaited<ReturnType<typeof calibrationOrg>>, extra: Record<string, unknown> = {}) {
  const res = await o.as.hr.raw.post('calibration-sessions', {
    cycleId: o.cycle.id,
    name: 'Engineering',
    scope: { type: 'department', departmentId: o.departments.eng.id },
    calibratorIds: [o.people.mia.person.id],
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

describe('calibration sessions and the grid', () => {
  it('HR sees every subject of the department and below with hand-checked proposed scores; Sales stays out', async () => {
    const o = await calibrationOrg(t);
    const session = await engineeringSession(o, {
      guideline: [
        { rating: 1, share: 0.2 },
        { rating: 3, share: 0.6 },
        { rating: 4, share: 0.2 },
      ],
    });
    const grid = await o.as.hr.raw.get(`calibration-sessions/${session.id}`);
    expect(grid.status).toBe(200);
    const rows = bySubject(grid.body.subjects);
    expect([...rows.keys()]).toEqual(['Ann Able', 'Abe Baker', 'Ben Cole']);
    expect(rows.get('Ann Able')!.proposed.score).toBeCloseTo(4.1, 4);
    expect(rows.get('Ann Able')!.proposed.parts.map((p) => p.value)).toEqual([4.5, 3.75, 3.5, 4]);
    expect(rows.get('Abe Baker')!.proposed.score).toBeCloseTo(2.65, 4);
    // Ben: only his manager's review is submitted (a peer's draft does not count): 4.5, re-weighted.
    expect(rows.get('Ben Cole')!.proposed).toMatchObject({ score: 4.5, reweighted: true });
    expect(rows.get('Ben Cole')!.proposed.parts.filter((p) => p.used).map((p) => p.source)).toEqual(['manager']);
    // No entries yet: the finals are the proposed scores; no potential, so no box.
    expect(rows.get('Abe Baker')).toMatchObject({ finalRating: 2.65, potential: null, box: null, performance: 'mid', adjusted: false });
    expect(grid.body.distribution).toEqual({
      rated: 3,
      unrated: 0,
      bands: [
        { from: 1, to: 3, count: 1, share: 1 / 3, target: 0.2 },
        { from: 3, to: 4, count: 0, share: 0, target: 0.6 },
        { from: 4, to: null, count: 2, share: 2 / 3, target: 0.2 },
      ],
    });
    const mia = grid.body.managers.find((m: { manager: { name: string } }) => m.manager.name === 'Mia Manager');
    expect(mia).toMatchObject({ subjects: 2, meanProposed: 3.375 });
    expect(grid.body.nineBox).toHaveLength(9);
    expect(grid.body.performanceBands.mid).toBeCloseTo(2.3333, 4);

    const list = await o.as.hr.raw.get(`calibration-sessions?cycleId=${o.cycle.id}`);
    expect(list.body.data.map((s: { name: string }) => s.name)).toEqual(['Engineering']);
  });

  it('a session over nobody answers an empty grid; reading a grid creates no entries', async () => {
    const o = await calibrationOrg(t);
    const { session } = await calibrationFixture(t, o.org.id);
    const empty = await o.as.hr.raw.get(`calibration-sessions/${session.id}`);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ subjects: [], managers: [], distribution: { rated: 0, unrated: 0 } });
    const eng = await engineeringSession(o);
    expect((await o.as.hr.raw.get(`calibration-sessions/${eng.id}`)).body.subjects).toHaveLength(3);
    expect(await t.ctx.db.select().from(calibrationEntry).where(eq(calibrationEntry.orgId, o.org.id))).toEqual([]);
  });

  it('a manager scope holds everyone below the manager in the reporting chain', async () => {
    const o = await calibrationOrg(t);
    const res = await o.as.hr.raw.post('calibration-sessions', { cycleId: o.cycle.id, name: 'Under Bea', scope: { type: 'manager', managerId: o.people.bea.person.id }, calibratorIds: [] });
    expect(res.status).toBe(201);
    const grid = await o.as.hr.raw.get(`calibration-sessions/${res.body.id}`);
    expect(grid.body.subjects.map((r: Row) => r.subject.name)).toEqual(['Ann Able', 'Abe Baker', 'Ben Cole']);
  });

  it('refuses a cycle outside writing and calibration, unknown departments, and a subject as calibrator', async () => {
    const o = await calibrationOrg(t);
    const draft = await createReviewCycle(t, o.org.id, { phase: 'sharing' });
    const body = { cycleId: draft.id, name: 'Late', scope: { type: 'department', departmentId: o.departments.eng.id }, calibratorIds: [] };
    expect((await o.as.hr.raw.post('calibration-sessions', body)).status).toBe(409);
    const bad = await o.as.hr.raw.post('calibration-sessions', { ...body, cycleId: o.cycle.id, calibratorIds: [o.people.ann.person.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('calibratorIds.0');
    const guideline = await o.as.hr.raw.post('calibration-sessions', { ...body, cycleId: o.cycle.id, guideline: [{ rating: 1, share: 0.5 }] });
    expect(guideline.status).toBe(400);
    const dept = await o.as.hr.raw.post('calibration-sessions', { ...body, cycleId: o.cycle.id, scope: { type: 'department', departmentId: o.cycle.id } });
    expect(dept.status).toBe(400);
    expect((await o.as.mia.raw.post('calibration-sessions', { ...body, cycleId: o.cycle.id })).status).toBe(404);
  });
});

describe('adjusting, locking and leniency', () => {
  it('a change of the final rating needs a reason when it differs from the proposed score, and is audited', async () => {
    const o = await calibrationOrg(t);
    const session = await engineeringSession(o);
    const ann = o.people.ann.person.id;
    const missing = await o.as.mia.raw.patch(`calibration-sessions/${session.id}/entries/${ann}`, { finalRating: 4, potential: 3 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('reason');
    expect(await t.ctx.db.select().from(calibrationEntry).where(eq(calibrationEntry.subjectId, ann))).toEqual([]);

    // The proposed score itself needs no reason.
    const same = await o.as.mia.raw.patch(`calibration-sessions/${session.id}/entries/${o.people.abe.person.id}`, { finalRating: 2.65, potential: 2 });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ adjusted: false, box: 4, boxName: 'Core player' });

    const ok = await o.as.mia.raw.patch(`calibration-sessions/${session.id}/entries/${ann}`, { finalRating: 4, potential: 3, reason: 'Goal y slipped to next quarter' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ finalRating: 4, adjusted: true, potential: 3, performance: 'high', box: 8, boxName: 'Star', reason: 'Goal y slipped to next quarter', adjustedBy: { name: 'Mia Manager' } });
    expect(ok.body.proposed.score).toBeCloseTo(4.1, 4);

    const audit = await t.ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, o.org.id), eq(auditEvent.action, 'calibration_entry.updated'), eq(auditEvent.recordId, `${o.cycle.id}:${ann}`)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorPersonId).toBe(o.people.mia.person.id);
    expect(audit[0]!.before).toBeNull();
    expect(audit[0]!.after).toMatchObject({ finalRating: 4, potential: 3, reason: 'Goal y slipped to next quarter', proposedScore: 4.1 });

    const off = await o.as.hr.raw.patch(`calibration-sessions/${session.id}/entries/${ann}`, { finalRating: 6, reason: 'x' });
    expect(off.status).toBe(400);
    expect((await o.as.hr.raw.patch(`calibration-sessions/${session.id}/entries/${ann}`, { finalRating: 3.125, reason: 'x' })).status).toBe(400);
    expect((await o.as.hr.raw.patch(`calibration-sessions/${session.id}/entries/${o.people.sia.person.id}`, { potential: 1 })).status).toBe(404);
    // Once the cycle moves on to sharing, an unlocked session takes no more changes.
    await t.ctx.db.update(reviewCycle).set({ phase: 'sharing' }).where(eq(reviewCycle.id, o.cycle.id));
    expect((await o.as.hr.raw.patch(`calibration-sessions/${session.id}/entries/${ann}`, { notes: 'late' })).status).toBe(409);
  });

  it('lock writes every entry and the cycle’s leniency; afterwards changes answer 409', async () => {
    const o = await calibrationOrg(t);
    const { mia, max, pat, ann, abe, ben } = o.people;
    // An earlier cycle: Mia 3 ratings, +0.2 from the finals with sd 0.1.
    await pastLeniency(t, o.org.id, mia.person.id, { ratings: 3, offsetFromFinal: 0.2, finalSd: 0.1, coRated: 0 });
    const session = await engineeringSession(o);
    const entry = (p: typeof ann) => `calibration-sessions/${session.id}/entries/${p.person.id}`;
    expect((await o.as.hr.raw.patch(entry(ann), { finalRating: 4, reason: 'Calibrated down', potential: 3 })).status).toBe(200);
    expect((await o.as.hr.raw.patch(entry(ben), { finalRating: 3.5, reason: 'One review only', potential: 1 })).status).toBe(200);

    const grid = await o.as.hr.raw.get(`calibration-sessions/${session.id}`);
    const miaRow = grid.body.managers.find((m: { manager: { id: string } }) => m.manager.id === mia.person.id);
    // Beside Mia: the earlier cycle pooled (3 ratings, +0.2), and this session as it stands.
    expect(miaRow.leniency.pastCycles).toMatchObject({ cycles: 1, fromFinal: { n: 3, mean: 0.2, sd: 0.1 } });
    expect(miaRow.leniency.thisSession.fromFinal.n).toBe(2);

    expect((await o.as.mia.raw.post(`calibration-sessions/${session.id}/lock`)).status).toBe(404);
    const locked = await o.as.hr.raw.post(`calibration-sessions/${session.id}/lock`);
    expect(locked.status).toBe(200);
    expect(locked.body.locked).toBe(true);
    expect((await o.as.hr.raw.post(`calibration-sessions/${session.id}/lock`)).status).toBe(409);
    expect((await o.as.hr.raw.patch(entry(abe), { potential: 2 })).status).toBe(409);
    expect((await o.as.mia.raw.patch(entry(ann), { notes: 'late' })).status).toBe(409);

    // Abe's entry was written at lock with his proposed score as the final.
    const [abeEntry] = await t.ctx.db.select().from(calibrationEntry).where(eq(calibrationEntry.subjectId, abe.person.id));
    expect(abeEntry!.finalRating).toBeCloseTo(2.65, 5);
    expect(abeEntry!.sessionId).toBe(session.id);

    // Finals Ann 4, Abe 2.65, Ben 3.5. Non-self ratings: Mia Ann 4.5, Abe 3; Pat Ann 3.5, Abe 2
    // (her draft of Ben does not count); Abe (peer) Ann 4; Max Ben 4.5.
    const rows = new Map((await t.ctx.db.select().from(raterLeniency).where(eq(raterLeniency.cycleId, o.cycle.id))).map((r) => [r.raterId, r]));
    expect(rows.size).toBe(4);
    const m = rows.get(mia.person.id)!;
    // From the finals: +0.5 and +0.35 → 0.425, sd 0.15/√2, t(1) interval ± 12.7062 · 0.075
    expect(m.ratings).toBe(2);
    expect(m.offsetFromFinal!).toBeCloseTo(0.425, 5);
    expect(m.finalSd!).toBeCloseTo(0.1060660, 5);
    expect(m.finalLow!).toBeCloseTo(0.425 - 0.9529654, 4);
    expect(m.finalHigh!).toBeCloseTo(0.425 + 0.9529654, 4);
    // From co-raters: Ann +0.75 (others 3.5 and 4), Abe +1 (Pat's 2) → 0.875, sd 0.25/√2
    expect(m.coRated).toBe(2);
    expect(m.offsetFromPeers!).toBeCloseTo(0.875, 5);
    expect(m.peersLow!).toBeCloseTo(0.875 - 1.5882756, 4);
    const p = rows.get(pat.person.id)!;
    expect([p.ratings, p.offsetFromFinal, p.coRated, p.offsetFromPeers].map((x) => Math.round(x! * 1e4) / 1e4)).toEqual([2, -0.575, 2, -0.875]);
    const a = rows.get(abe.person.id)!;
    expect([a.ratings, a.offsetFromFinal, a.finalSd, a.finalLow, a.coRated, a.offsetFromPeers]).toEqual([1, 0, null, null, 1, 0]);
    const x = rows.get(max.person.id)!;
    expect([x.ratings, x.offsetFromFinal, x.coRated, x.offsetFromPeers]).toEqual([1, 1, 0, null]);

    // HR reads Mia's leniency per cycle and pooled: 3 offsets mean 0.2 sd 0.1 with 2 mean 0.425:
    // n 5, mean 0.29, SS 0.092, sd √0.023, t(4) interval ± 2.776445 · √0.023 / √5.
    const len = await o.as.hr.raw.get(`rater-leniency?raterId=${mia.person.id}`);
    expect(len.status).toBe(200);
    expect(len.body.cycles.map((c: { cycle: { id: string } }) => c.cycle.id).at(-1)).toBe(o.cycle.id);
    expect(len.body.pooled.cycles).toBe(2);
    expect(len.body.pooled.fromFinal.n).toBe(5);
    expect(len.body.pooled.fromFinal.mean).toBeCloseTo(0.29, 4);
    expect(len.body.pooled.fromFinal.sd).toBeCloseTo(Math.sqrt(0.023), 4);
    expect(len.body.pooled.fromFinal.low).toBeCloseTo(0.29 - 0.1883096, 3);
    expect(len.body.pooled.fromPeers).toMatchObject({ n: 2, mean: 0.875 });
  });
});

describe('who sees calibration', () => {
  it('the subject, a peer reviewer and an unrelated manager get 404 on the session, grid, entries and leniency; a calibrating manager sees it', async () => {
    const o = await calibrationOrg(t);
    const session = await engineeringSession(o);
    const { ann, mia } = o.people;
    for (const who of [o.as.ann, o.as.pat, o.as.sam, o.as.bea, o.as.max]) {
      expect((await who.raw.get(`calibration-sessions/${session.id}`)).status).toBe(404);
      expect((await who.raw.patch(`calibration-sessions/${session.id}/entries/${ann.person.id}`, { potential: 1 })).status).toBe(404);
      expect((await who.raw.post(`calibration-sessions/${session.id}/lock`)).status).toBe(404);
      expect((await who.raw.get(`rater-leniency?raterId=${mia.person.id}`)).status).toBe(404);
      expect((await who.raw.get('review-settings/nine-box')).status).toBe(404);
      expect((await who.raw.get(`calibration-sessions?cycleId=${o.cycle.id}`)).body.data).toEqual([]);
    }
    const seen = await o.as.mia.raw.get(`calibration-sessions/${session.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.subjects).toHaveLength(3);
    expect((await o.as.mia.raw.get(`calibration-sessions?cycleId=${o.cycle.id}`)).body.data).toHaveLength(1);
    // A calibrator is not an HR admin: no leniency page, no labels.
    expect((await o.as.mia.raw.get(`rater-leniency?raterId=${mia.person.id}`)).status).toBe(404);
  });

  it('a calibrator who became a subject of the session (moved into its scope) no longer sees it', async () => {
    const o = await calibrationOrg(t);
    const res = await o.as.hr.raw.post('calibration-sessions', { cycleId: o.cycle.id, name: 'Under Mia', scope: { type: 'manager', managerId: o.people.mia.person.id }, calibratorIds: [o.people.abe.person.id] });
    // Abe is below Mia: refused as a calibrator.
    expect(res.status).toBe(400);
    const ok = await o.as.hr.raw.post('calibration-sessions', { cycleId: o.cycle.id, name: 'Under Max', scope: { type: 'manager', managerId: o.people.max.person.id }, calibratorIds: [o.people.abe.person.id] });
    expect((await o.as.abe.raw.get(`calibration-sessions/${ok.body.id}`)).status).toBe(200);
    await t.ctx.db.update(person).set({ managerId: o.people.max.person.id }).where(eq(person.id, o.people.abe.person.id));
    expect((await o.as.abe.raw.get(`calibration-sessions/${ok.body.id}`)).status).toBe(404);
  });
});

describe('9-box labels', () => {
  it('HR names the boxes; eight labels or two alike are refused; null restores the defaults', async () => {
    const o = await calibrationOrg(t);
    const initial = await o.as.hr.raw.get('review-settings/nine-box');
    expect(initial.body.custom).toBe(false);
    expect(initial.body.labels[0]).toMatchObject({ box: 0, name: 'Talent risk' });
    const labels = Array.from({ length: 9 }, (_, i) => ({ name: `Box ${i + 1}`, description: `Definition ${i + 1}` }));
    const put = await o.as.hr.raw.put('review-settings/nine-box', { labels });
    expect(put.status).toBe(200);
    expect(put.body.labels[8]).toEqual({ box: 8, name: 'Box 9', description: 'Definition 9' });
    expect((await o.as.hr.raw.put('review-settings/nine-box', { labels: labels.slice(0, 8) })).status).toBe(400);
    const twice = labels.map((l, i) => (i === 3 ? { ...l, name: 'box 1' } : l));
    const dup = await o.as.hr.raw.put('review-settings/nine-box', { labels: twice });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details[0].path).toBe('labels.3.name');

    const session = await engineeringSession(o);
    await o.as.hr.raw.patch(`calibration-sessions/${session.id}/entries/${o.people.ann.person.id}`, { potential: 3 });
    const grid = await o.as.hr.raw.get(`calibration-sessions/${session.id}`);
    expect(bySubject(grid.body.subjects).get('Ann Able')!.boxName).toBe('Box 9');
    expect((await o.as.mia.raw.put('review-settings/nine-box', { labels })).status).toBe(404);
    expect((await o.as.hr.raw.put('review-settings/nine-box', { labels: null })).body.custom).toBe(false);
  });
});
