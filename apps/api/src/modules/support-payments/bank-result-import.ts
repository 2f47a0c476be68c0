import { BANK_RESULT_COLUMNS, type BankResultStatus, isBankResultStatus, type PaymentState } from '@qonys/domain';
import { isStorableText } from '../../common/input/hostile-input';
import { type Cell, fileShapeError, isBlank, type RowError } from '../../common/input/table-import';
import type { SupportPayment } from './entities/support-payment.entity';

/** A row of the bank's result that changes its payment. */
export interface BankResult {
  payment: SupportPayment;
  status: BankResultStatus;
  bankReference: string | null;
  failureReason: string | null;
}

const MAX_REFERENCE = 100;
const MAX_REASON = 500;

/** Whether a payment already holds exactly this result: a file imported again changes nothing. */
const sameResult = (
  payment: SupportPayment,
  status: BankResultStatus,
  reference: string | null,
  reason: string | null,
) =>
  status === 'paid'
    ? (payment.state === 'paid' || payment.state === 'reconciled') && payment.bankReference === reference
    : payment.state === 'failed' && payment.failureCode === reason;

/**
 * Checks every row of a bank result against the batch's payments (by id): the results
 * that change a payment, how many repeat what is recorded, and every bad cell.
 */
export function checkBankResult(
  records: Record<string, Cell>[],
  payments: ReadonlyMap<number, SupportPayment>,
): { results: BankResult[]; unchanged: number; errors: RowError[] } {
  const errors: RowError[] = [];
  const results: BankResult[] = [];
  let unchanged = 0;
  const shapeError = fileShapeError(records, BANK_RESULT_COLUMNS);
  if (shapeError) return { results, unchanged, errors: [shapeError] };
  const seen = new Map<number, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    if (isBlank(record)) return;
    const text = (field: string) => String((Object.hasOwn(record, field) ? record[field] : null) ?? '').trim();
    const fail = (field: string, code: RowError['code'], params: RowError['params'] = {}) =>
      errors.push({ row, field, code, params });
    const before = errors.length;
    const idText = text('payment_id');
    const payment = /^\d{1,9}$/.test(idText) ? payments.get(Number(idText)) : undefined;
    if (!/^\d{1,9}$/.test(idText)) fail('payment_id', 'import.not_payment_id', { value: idText });
    else if (!payment) fail('payment_id', 'import.payment_not_in_batch', { value: idText });
    const status = text('status').toLowerCase();
    if (!isBankResultStatus(status)) fail('status', 'import.not_bank_status', { value: text('status') });
    const reference = text('bank_reference') || null;
    const reason = text('failure_reason') || null;
    if (status === 'paid' && reference === null) fail('bank_reference', 'import.empty');
    if (status === 'failed' && reason === null) fail('failure_reason', 'import.empty');
    for (const [field, value, max] of [
      ['bank_reference', reference, MAX_REFERENCE],
      ['failure_reason', reason, MAX_REASON],
    ] as const) {
      if (value === null) continue;
      if (value.length > max) fail(field, 'import.too_long', { max });
      else if (!isStorableText(value)) fail(field, 'request.invalid_text');
    }
    if (errors.length > before || !payment || !isBankResultStatus(status)) return;
    const earlier = seen.get(payment.id);
    if (earlier !== undefined) return void fail('payment_id', 'import.repeats_payment', { row: earlier });
    seen.set(payment.id, row);
    if (sameResult(payment, status, reference, reason)) {
      unchanged++;
      return;
    }
    if (payment.state !== 'sent') {
      const code = (['draft', 'approved'] as PaymentState[]).includes(payment.state)
        ? 'import.payment_not_sent'
        : 'import.payment_result_differs';
      return void fail('status', code, { value: payment.id, paymentState: payment.state });
    }
    results.push({ payment, status, bankReference: reference, failureReason: status === 'failed' ? reason : null });
  });
  if (results.length === 0 && unchanged === 0 && errors.length === 0) {
    errors.push({ row: 2, field: 'file', code: 'import.no_rows', params: {} });
  }
  return { results, unchanged, errors };
}
