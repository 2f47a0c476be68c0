/**
 * State support inside the quota (docs/support-payments.md): what a benefit rule says
 * and what it gives a family, in MCI and in tenge. The rules are dated reference data
 * (`benefit_rule`); this is their arithmetic, the one definition both apps use.
 */

export const BENEFIT_KINDS = ['relocation', 'rent', 'housing', 'employer'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/**
 * How a rule counts:
 * - `per_person`: `mciHead` for the head of the family plus `mciPerMember` for each other member (relocation);
 * - `monthly_range`: between `mciMin` and `mciMax` per family per month, for `months` months (rent and utilities);
 * - `fixed`: `mciFixed` once (employer subsidy, the 2026 housing certificate);
 * - `price_share`: `sharePercent` of the housing price, capped at `capMci` MCI or `capKzt` tenge.
 */
export const BENEFIT_FORMULAS = ['per_person', 'monthly_range', 'fixed', 'price_share'] as const;
export type BenefitFormula = (typeof BENEFIT_FORMULAS)[number];

export interface BenefitRuleTerms {
  formula: BenefitFormula;
  mciHead: number | null;
  mciPerMember: number | null;
  mciMin: number | null;
  mciMax: number | null;
  months: number | null;
  mciFixed: number | null;
  sharePercent: number | null;
  capMci: number | null;
  capKzt: number | null;
}

/**
 * The terms each formula uses; the others are cleared when a rule is saved. Each is
 * required, except that a price share needs one cap at least, in MCI or in tenge.
 */
export const BENEFIT_FORMULA_FIELDS: Record<BenefitFormula, readonly (keyof BenefitRuleTerms)[]> = {
  per_person: ['mciHead', 'mciPerMember'],
  monthly_range: ['mciMin', 'mciMax', 'months'],
  fixed: ['mciFixed'],
  price_share: ['sharePercent', 'capMci', 'capKzt'],
};

export interface EntitlementInput {
  /** Members of the family on the case, the head included (≥ 1). */
  persons: number;
  /** The MCI of the payment year, in tenge. */
  mciValue: number;
  /** `monthly_range`: the monthly MCI chosen within the range (default the minimum). */
  monthlyMci?: number;
  /** `price_share`: the housing price in tenge. */
  price?: number;
}

export type EntitlementProblem = 'monthly_mci_out_of_range' | 'price_required' | 'persons_required';

export interface Entitlement {
  /** The MCI the rule gives (null for a share of a price, which is counted in tenge). */
  amountMci: number | null;
  /** Whole tenge: the MCI times its value, or the capped share rounded down. */
  amountKzt: number;
  /** `monthly_range`: the monthly MCI used and the number of months. */
  monthlyMci?: number;
  months?: number;
}

/**
 * What a rule gives a family, exactly: MCI counts are whole numbers and the tenge
 * amount is their product with the MCI value; a price share is rounded down to the tenge.
 * For `monthly_range` the amount is one month's instalment.
 */
export function computeEntitlement(
  rule: BenefitRuleTerms,
  input: EntitlementInput,
): { ok: true; entitlement: Entitlement } | { ok: false; problem: EntitlementProblem } {
  if (!Number.isSafeInteger(input.persons) || input.persons < 1) return { ok: false, problem: 'persons_required' };
  const inMci = (amountMci: number, extra: Partial<Entitlement> = {}) => ({
    ok: true as const,
    entitlement: { amountMci, amountKzt: amountMci * input.mciValue, ...extra },
  });
  switch (rule.formula) {
    case 'per_person':
      return inMci(rule.mciHead! + rule.mciPerMember! * (input.persons - 1));
    case 'monthly_range': {
      const monthlyMci = input.monthlyMci ?? rule.mciMin!;
      if (!Number.isSafeInteger(monthlyMci) || monthlyMci < rule.mciMin! || monthlyMci > rule.mciMax!) {
        return { ok: false, problem: 'monthly_mci_out_of_range' };
      }
      return inMci(monthlyMci, { monthlyMci, months: rule.months! });
    }
    case 'fixed':
      return inMci(rule.mciFixed!);
    case 'price_share': {
      if (input.price === undefined || !Number.isSafeInteger(input.price) || input.price < 1) {
        return { ok: false, problem: 'price_required' };
      }
      // Integer arithmetic: price × percent fits easily in a double below 2^53.
      const share = Math.floor((input.price * rule.sharePercent!) / 100);
      const caps = [rule.capKzt, rule.capMci === null ? null : rule.capMci * input.mciValue].filter(
        (cap): cap is number => cap !== null,
      );
      return { ok: true, entitlement: { amountMci: null, amountKzt: Math.min(share, ...caps) } };
    }
  }
}
