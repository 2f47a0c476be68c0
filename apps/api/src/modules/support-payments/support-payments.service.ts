import { Injectable } from '@nestjs/common';
import {
  computeEntitlement,
  type EntitlementProblem,
  type MessageCode,
  type MessageParams,
  yearOf,
} from '@qonys/domain';
import type { AuthedContext } from '../../common/auth/actor';
import { regionScope } from '../../common/auth/region-scope';
import { coded, DomainError } from '../../common/errors/domain-error';
import type { CalculateEntitlementDto } from './dto/calculate.dto';
import { SupportPaymentsRepository } from './support-payments.repository';

/** A calculation as the API answers it; the figures a payment stores so later changes never rewrite it. */
export interface EntitlementView {
  applicationId: number;
  type: string;
  date: string;
  ruleId: number;
  unconfirmed: boolean;
  persons: number;
  /** null for a share of a price, which is counted in tenge. */
  amountMci: number | null;
  mciValue: number;
  amountKzt: number;
  /** rent: one month's instalment of `months`. */
  monthlyMci?: number;
  months?: number;
}

/** Where a rule's arithmetic refuses the input: the field to blame and its message. */
const PROBLEMS: Record<EntitlementProblem, { field: string; code: MessageCode }> = {
  monthly_mci_out_of_range: { field: 'monthlyMci', code: 'support.monthly_mci_out_of_range' },
  price_required: { field: 'price', code: 'support.price_required' },
  persons_required: { field: 'applicationId', code: 'support.persons_required' },
};

/**
 * State support in MCI (docs/support-payments.md): the rule in force on the event date,
 * the MCI of that year, the family on the case. Eligible: the status valid on the date,
 * and the family settled inside that year's quota in a settlement region of that year.
 */
@Injectable()
export class SupportPaymentsService {
  constructor(private readonly repository: SupportPaymentsRepository) {}

  async calculate(ctx: AuthedContext, query: CalculateEntitlementDto): Promise<EntitlementView> {
    const scope = regionScope(ctx.actor, 'support-payments', 'show');
    const found = await this.repository.caseForSupport(query.applicationId, scope);
    if (!found) throw DomainError.notFound('application');
    const { date } = query;
    const year = yearOf(date);
    const validOnDate =
      (found.status === 'approved' || found.status === 'expired') &&
      found.statusValidFrom !== null &&
      found.statusValidTo !== null &&
      found.statusValidFrom <= date &&
      date <= found.statusValidTo;
    if (!validOnDate) {
      throw DomainError.invalid({ date: coded('support.status_not_valid', { date, status: found.status }) });
    }
    if (!(await this.repository.settledInSettlementRegion(found.id, year))) {
      throw DomainError.invalid({ applicationId: coded('support.not_settled_in_quota', { year }) });
    }
    const rule = await this.repository.ruleInForce(query.type, date);
    if (!rule) throw DomainError.invalid({ type: coded('support.no_rule', { benefitKind: query.type, date }) });
    const mciValue = await this.repository.mciOfYear(year);
    if (mciValue === null) throw DomainError.invalid({ date: coded('support.no_mci', { year }) });

    const result = computeEntitlement(rule, {
      persons: found.persons,
      mciValue,
      monthlyMci: query.monthlyMci,
      price: query.price,
    });
    if (!result.ok) {
      const params: MessageParams =
        result.problem === 'monthly_mci_out_of_range' ? { min: rule.mciMin!, max: rule.mciMax! } : {};
      const { field, code } = PROBLEMS[result.problem];
      throw DomainError.invalid({ [field]: coded(code, params) });
    }
    return {
      applicationId: found.id,
      type: query.type,
      date,
      ruleId: rule.id,
      unconfirmed: rule.unconfirmed,
      persons: found.persons,
      mciValue,
      ...result.entitlement,
    };
  }
}
