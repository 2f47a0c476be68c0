/**
 * Kazakhstan has one time zone, UTC+5, since 1 March 2024. A fixed offset rather than
 * Intl's 'Asia/Almaty': a runtime with tzdata older than 2024b would still say UTC+6.
 */
const KAZAKHSTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in Kazakhstan, what every deadline and validity counts from. */
export function todayInKazakhstan(now: Date = new Date()): string {
  return new Date(now.getTime() + KAZAKHSTAN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year part of an ISO date. */
export const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));
