import { statusEndDate } from './legal-status';

describe('the status ends with citizenship', () => {
  it('on the last member’s grant, whatever order they were recorded in', () => {
    expect(statusEndDate(['2026-11-20', '2026-11-15', '2026-11-18'])).toBe('2026-11-20');
  });

  it('not while one member still relies on the status, nor for a case without members', () => {
    expect(statusEndDate(['2026-11-15', null])).toBeNull();
    expect(statusEndDate([])).toBeNull();
  });
});
