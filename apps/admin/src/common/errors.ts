import { type CodedMessage, isMessageCode, type MessageParams } from '@qonys/domain';
import { HttpError, type TranslateFunction } from 'react-admin';

/**
 * Parameters that are enum keys, by name: the label list that names each value in the
 * reader's language (docs/messages.md).
 */
const PARAM_LABELS: Record<string, string> = {
  status: 'app.statuses',
  from: 'app.statuses',
  to: 'app.statuses',
  role: 'app.roles',
  category: 'app.quotas.categories',
  transition: 'app.transitions',
  entity: 'names.entities',
  requestStatus: 'app.inclusion.statuses',
  settlementStatus: 'app.settlements.statuses',
  batchStatus: 'app.placement.statuses',
  reservationStatus: 'names.reservation_statuses',
  legalGroundKind: 'app.legal_ground_kinds',
  transferState: 'app.transfers.states',
  benefitKind: 'app.benefit_kinds',
  paymentState: 'app.payments.states',
  paymentCancelReason: 'app.payments.cancel_reasons',
  recoveryState: 'app.payments.recovery_states',
  legalStepKind: 'app.legal_steps.kinds_in_sentence',
  batchState: 'app.payments.batch_states',
  referralState: 'app.services.states',
  messageState: 'app.applicant_messages.states',
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isCoded = (value: unknown): value is CodedMessage => isObject(value) && isMessageCode(value.code);

/** A coded message (`{ code, params }`, from an error body, a timeline line, a ledger reason) in the UI language. */
export function translateMessage(message: CodedMessage, translate: TranslateFunction, locale: string): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries((message.params ?? {}) as MessageParams)) {
    if (isObject(value)) params[name] = String((value as Record<string, unknown>)[locale] ?? value.en);
    else if (Object.hasOwn(PARAM_LABELS, name) && typeof value === 'string')
      params[name] = translate(`${PARAM_LABELS[name]}.${value}`, { _: value });
    else params[name] = value as string | number;
  }
  return translate(`server.${message.code}`, params);
}

/**
 * An API error in the reader's language: its message and every per-field message
 * translated from the body's `code`/`errorCodes`. A body without codes (a proxy's
 * error page) keeps its text. The one place error bodies become words.
 */
export function localizeHttpError(error: HttpError, translate: TranslateFunction, locale: string): HttpError {
  const body = error.body as Record<string, unknown> | null;
  if (!isObject(body) || !isCoded(body)) return error;
  const localized: Record<string, unknown> = { ...body };
  if (isObject(body.errorCodes)) {
    localized.errors = Object.fromEntries(
      Object.entries(body.errorCodes)
        .filter((entry): entry is [string, CodedMessage] => isCoded(entry[1]))
        .map(([field, coded]) => [field, translateMessage(coded, translate, locale)]),
    );
  }
  if (Array.isArray(body.rows)) {
    localized.rows = body.rows.map((row: unknown) =>
      isCoded(row) ? { ...row, message: translateMessage(row, translate, locale) } : row,
    );
  }
  return new HttpError(translateMessage(body, translate, locale), error.status, localized);
}

/** The per-field messages of an API error (`{ errors: { field: message } }`), or an empty object. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof HttpError)) return {};
  const errors = (error.body as { errors?: unknown } | null)?.errors;
  if (typeof errors !== 'object' || errors === null) return {};
  return Object.fromEntries(
    Object.entries(errors as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** The message to show for a failed call: the server's (already translated), else react-admin's generic one. */
export const messageOf = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'ra.notification.http_error';

export const statusOf = (error: unknown): number | null => (error instanceof HttpError ? error.status : null);
