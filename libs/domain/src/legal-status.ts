/**
 * Permanent residence and citizenship after kandas status (docs/legal-status.md): each
 * member's application to the migration service, then its decision. The rules, defined
 * once for the API and the admin.
 *
 * ```
 * applied ─grant→ granted
 *         └─refuse→ refused   (a new application may follow)
 * ```
 */

export const LEGAL_STEP_DECISIONS = ['granted', 'refused'] as const;
export type LegalStepDecision = (typeof LEGAL_STEP_DECISIONS)[number];

/** Steps are recorded on a case whose status was granted: held now, or held once and expired since. */
export const CASE_STATUSES_WITH_LEGAL_STEPS = ['approved', 'expired'] as const;

/**
 * The status ends on obtaining citizenship: the day the family's case closes, once none
 * of its members still relies on it — the last member's grant, whatever order the
 * decisions were recorded in — or null while one is not a citizen.
 */
export function statusEndDate(citizenshipGrantedOn: readonly (string | null)[]): string | null {
  if (citizenshipGrantedOn.length === 0 || citizenshipGrantedOn.includes(null)) return null;
  return (citizenshipGrantedOn as string[]).reduce((last, day) => (day > last ? day : last));
}
