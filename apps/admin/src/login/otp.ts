/** A TOTP code: six digits (spaces the user typed are dropped). */
const TOTP = /^\d{6}$/;
/** A recovery code as the API issues it: xxxxx-xxxxx. */
const RECOVERY_CODE = /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/;

export function normaliseOtp(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\s+/g, '');
  return TOTP.test(digits) ? digits : trimmed;
}

/** During enrolment only the authenticator's code proves the set-up. */
export function isValidOtp(value: string, enrolling: boolean): boolean {
  return TOTP.test(value) || (!enrolling && RECOVERY_CODE.test(value));
}
