/** Today's date in Kazakhstan (UTC+5), YYYY-MM-DD: the day the API counts deadlines and validity in. */
export const kazakhstanToday = (): string => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
