import { todayInKazakhstan, yearOf } from './kazakhstan-time';

describe('todayInKazakhstan', () => {
  it('is already tomorrow in Kazakhstan from 19:00 UTC (UTC+5)', () => {
    expect(todayInKazakhstan(new Date('2026-03-20T18:59:59Z'))).toBe('2026-03-20');
    expect(todayInKazakhstan(new Date('2026-03-20T19:00:00Z'))).toBe('2026-03-21');
  });

  it('turns the year at 19:00 UTC on 31 December', () => {
    expect(todayInKazakhstan(new Date('2026-12-31T19:30:00Z'))).toBe('2027-01-01');
    expect(yearOf(todayInKazakhstan(new Date('2026-12-31T19:30:00Z')))).toBe(2027);
  });
});
