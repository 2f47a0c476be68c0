import { BENEFIT_FORMULAS, BENEFIT_KINDS } from '@qonys/domain';

export const BENEFIT_KIND_CHOICES = BENEFIT_KINDS.map((kind) => ({ id: kind, name: `app.benefit_kinds.${kind}` }));
export const BENEFIT_FORMULA_CHOICES = BENEFIT_FORMULAS.map((formula) => ({
  id: formula,
  name: `app.benefit_formulas.${formula}`,
}));
