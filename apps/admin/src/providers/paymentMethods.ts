import type { PaymentCancelReason, SupportRecoveryOutcome } from '@qonys/domain';
import { apiFetch, apiFetchFile, type DownloadedFile } from './httpClient';

const post = (path: string, body: unknown) => apiFetch(path, { method: 'POST', body: JSON.stringify(body) });
const id = (value: number | string) => encodeURIComponent(value);

/** What a bank result import changed (POST /api/payment-batches/:id/bank-result). */
export interface BankResultSummary {
  paid: number;
  failed: number;
  unchanged: number;
}

/** The support payment and batch calls beyond react-admin's CRUD (docs/support-payments.md). */
export interface PaymentMethods {
  approvePayment(paymentId: number, version: number): Promise<unknown>;
  cancelPayment(paymentId: number, version: number, reason: PaymentCancelReason): Promise<unknown>;
  resolveRecovery(recoveryId: number, body: { outcome: SupportRecoveryOutcome; version: number }): Promise<unknown>;
  /** Taking the register hands the batch's approved payments to the bank. */
  getPaymentRegister(batchId: number, format: 'csv' | 'xlsx'): Promise<DownloadedFile>;
  importBankResult(batchId: number, file: File): Promise<BankResultSummary>;
  closePaymentBatch(batchId: number, version: number): Promise<unknown>;
}

export const paymentMethods: PaymentMethods = {
  approvePayment: async (paymentId, version) =>
    (await post(`/support-payments/${id(paymentId)}/approve`, { version })).json,
  cancelPayment: async (paymentId, version, reason) =>
    (await post(`/support-payments/${id(paymentId)}/cancel`, { version, reason })).json,
  resolveRecovery: async (recoveryId, body) =>
    (await post(`/support-recoveries/${id(recoveryId)}/resolve`, body)).json,
  getPaymentRegister: (batchId, format) => apiFetchFile(`/payment-batches/${id(batchId)}/register?format=${format}`),
  importBankResult: async (batchId, file) => {
    const body = new FormData();
    body.append('file', file, file.name);
    return (await apiFetch(`/payment-batches/${id(batchId)}/bank-result`, { method: 'POST', body }))
      .json as BankResultSummary;
  },
  closePaymentBatch: async (batchId, version) =>
    (await post(`/payment-batches/${id(batchId)}/close`, { version })).json,
};
