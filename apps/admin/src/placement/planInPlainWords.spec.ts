import { everydayEn } from '../i18n/everyday/en';
import { everydayKk } from '../i18n/everyday/kk';
import { everydayRu } from '../i18n/everyday/ru';
import type { PlacementBatch, StoredReport } from '../providers/placementTypes';
import { planInPlainWords } from './planInPlainWords';

const report = (over: Partial<StoredReport> = {}): StoredReport => ({
  families: 6,
  placed: 5,
  unplaced: 1,
  totalScore: 4.2,
  preferredShare: 4 / 6,
  firstChoice: 3,
  underfilledRegions: [],
  ...over,
});
const batch = (over: Partial<PlacementBatch> = {}): PlacementBatch => ({
  id: 1,
  year: 2026,
  category: 'kandas',
  status: 'proposed',
  progress: 100,
  families: 6,
  totalScore: 4.2,
  lpBound: 4.2004,
  gap: 0.0001,
  solveMs: 40,
  fcfsReport: { optimal: report(), firstComeFirstServed: report({ placed: 4, firstChoice: 2 }) },
  error: null,
  createdAt: '2026-03-01T10:00:00Z',
  version: 1,
  ...over,
});
const percent = (share: number) => `${(share * 100).toFixed(2)} %`;

describe('a placement batch in plain words', () => {
  it('says how close to the best plan it is, who gets a place and where, and who waits', () => {
    expect(planInPlainWords(batch(), percent)).toEqual([
      { key: 'near_best', args: { gap: '0.01 %' } },
      { key: 'placed', args: { placed: 5, families: 6 } },
      { key: 'first_choice', args: { count: 3 } },
      { key: 'preferred', args: { count: 4 } },
      { key: 'waiting', args: { count: 1 } },
    ]);
  });

  it('says no better plan exists when the gap is nil, and that nobody waits when all are placed', () => {
    const lines = planInPlainWords(
      batch({ gap: 0, fcfsReport: { optimal: report({ placed: 6, unplaced: 0 }), firstComeFirstServed: report() } }),
      percent,
    );
    expect(lines[0]).toEqual({ key: 'best', args: {} });
    expect(lines.at(-1)).toEqual({ key: 'none_waiting', args: {} });
  });

  it('leaves out the first-choice count of a run made before it was counted', () => {
    const { firstChoice: _, ...old } = report();
    const lines = planInPlainWords(batch({ fcfsReport: { optimal: old, firstComeFirstServed: old } }), percent);
    expect(lines.map((line) => line.key)).not.toContain('first_choice');
  });

  it('words every line in kk, ru and en without the solver’s terms', () => {
    for (const messages of [everydayEn, everydayKk, everydayRu]) {
      const words = messages.app.plan_words as Record<string, string>;
      for (const key of [
        'best',
        'near_best',
        'families',
        'placed',
        'first_choice',
        'preferred',
        'waiting',
        'none_waiting',
      ]) {
        expect(words[key]).toBeTruthy();
        expect(words[key].replace(/%\{\w+\}/g, '')).not.toMatch(/\bLP\b|ЛП|gap|bound|разрыв|граница|шек/i);
      }
    }
  });
});
