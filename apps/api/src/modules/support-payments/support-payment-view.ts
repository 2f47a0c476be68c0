import type { CaseNames } from '@qonys/domain';
import type { SupportPayment } from './entities/support-payment.entity';

/** A support payment as the API answers it: with its case's number and the applicant's name. */
export type SupportPaymentView = SupportPayment & CaseNames;
