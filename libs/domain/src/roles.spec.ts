import { isNationwide, requiresMfa, type Role, ROLES } from './roles';

describe('roles', () => {
  it.each<[Role, boolean, boolean]>([
    ['caseworker', false, false],
    ['regional_official', false, false],
    ['admin', true, true],
    ['auditor', true, true],
  ])('%s sees every region: %p; must use a second factor: %p', (role, nationwide, mfa) => {
    expect(isNationwide(role)).toBe(nationwide);
    expect(requiresMfa(role)).toBe(mfa);
  });

  it('has exactly the four staff roles', () => {
    expect([...ROLES].sort()).toEqual(['admin', 'auditor', 'caseworker', 'regional_official']);
  });
});
