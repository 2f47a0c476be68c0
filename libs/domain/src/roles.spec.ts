import { isNationwide, type Role, ROLES } from './roles';

describe('roles', () => {
  it.each<[Role, boolean]>([
    ['caseworker', false],
    ['regional_official', false],
    ['admin', true],
    ['auditor', true],
  ])('%s sees every region: %p', (role, nationwide) => {
    expect(isNationwide(role)).toBe(nationwide);
  });

  it('has exactly the four staff roles', () => {
    expect([...ROLES].sort()).toEqual(['admin', 'auditor', 'caseworker', 'regional_official']);
  });
});
