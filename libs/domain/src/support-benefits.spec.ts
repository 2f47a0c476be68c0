import { type BenefitRuleTerms, computeEntitlement } from './support-benefits';

const none: BenefitRuleTerms = {
  formula: 'fixed',
  mciHead: null,
  mciPerMember: null,
  mciMin: null,
  mciMax: null,
  months: null,
  mciFixed: null,
  sharePercent: null,
  capMci: null,
  capKzt: null,
};
const MCI_2026 = 4325;

describe('computeEntitlement', () => {
  it('gives 70 MCI to the head and each member from 2023 (302,750 ₸ a person in 2026)', () => {
    const rule = { ...none, formula: 'per_person' as const, mciHead: 70, mciPerMember: 70 };
    expect(computeEntitlement(rule, { persons: 1, mciValue: MCI_2026 })).toEqual({
      ok: true,
      entitlement: { amountMci: 70, amountKzt: 302_750 },
    });
    expect(computeEntitlement(rule, { persons: 4, mciValue: MCI_2026 })).toMatchObject({
      entitlement: { amountMci: 280, amountKzt: 1_211_000 },
    });
  });

  it('gives 50 MCI to the head and 30 to each other member under the 2016 rule', () => {
    const rule = { ...none, formula: 'per_person' as const, mciHead: 50, mciPerMember: 30 };
    expect(computeEntitlement(rule, { persons: 3, mciValue: 2121 })).toMatchObject({
      entitlement: { amountMci: 110, amountKzt: 233_310 },
    });
  });

  it('counts rent within its range, one month at a time, and refuses a figure outside it', () => {
    const rule = { ...none, formula: 'monthly_range' as const, mciMin: 15, mciMax: 30, months: 12 };
    expect(computeEntitlement(rule, { persons: 2, mciValue: MCI_2026 })).toMatchObject({
      entitlement: { amountMci: 15, amountKzt: 64_875, monthlyMci: 15, months: 12 },
    });
    expect(computeEntitlement(rule, { persons: 2, mciValue: MCI_2026, monthlyMci: 30 })).toMatchObject({
      entitlement: { amountKzt: 129_750 },
    });
    expect(computeEntitlement(rule, { persons: 2, mciValue: MCI_2026, monthlyMci: 31 })).toEqual({
      ok: false,
      problem: 'monthly_mci_out_of_range',
    });
    expect(computeEntitlement(rule, { persons: 2, mciValue: MCI_2026, monthlyMci: 15.5 })).toMatchObject({ ok: false });
  });

  it('gives the fixed 1,625 MCI housing certificate of 2026 as 7,028,125 ₸', () => {
    const rule = { ...none, formula: 'fixed' as const, mciFixed: 1625 };
    expect(computeEntitlement(rule, { persons: 5, mciValue: MCI_2026 })).toMatchObject({
      entitlement: { amountMci: 1625, amountKzt: 7_028_125 },
    });
  });

  it('caps a share of the price in tenge or in MCI, rounding down, and needs the price', () => {
    const inTenge = { ...none, formula: 'price_share' as const, sharePercent: 50, capKzt: 4_000_000 };
    expect(computeEntitlement(inTenge, { persons: 1, mciValue: 3450, price: 6_000_001 })).toMatchObject({
      entitlement: { amountMci: null, amountKzt: 3_000_000 },
    });
    expect(computeEntitlement(inTenge, { persons: 1, mciValue: 3450, price: 9_000_000 })).toMatchObject({
      entitlement: { amountKzt: 4_000_000 },
    });
    const inMci = { ...none, formula: 'price_share' as const, sharePercent: 50, capMci: 1160 };
    expect(computeEntitlement(inMci, { persons: 1, mciValue: 3932, price: 20_000_000 })).toMatchObject({
      entitlement: { amountKzt: 4_561_120 },
    });
    expect(computeEntitlement(inMci, { persons: 1, mciValue: 3932 })).toEqual({ ok: false, problem: 'price_required' });
  });

  it('needs at least one person', () => {
    expect(computeEntitlement({ ...none, mciFixed: 400 }, { persons: 0, mciValue: MCI_2026 })).toEqual({
      ok: false,
      problem: 'persons_required',
    });
  });
});
