import { isNationwide, needsProvider, type Role, ROLES } from './roles';

describe('roles', () => {
  it.each<[Role, boolean]>([
    ['caseworker', false],
    ['regional_official', false],
    ['admin', true],
    ['auditor', true],
    ['provider_staff', false],
  ])('%s sees every region: %p', (role, nationwide) => {
    expect(isNationwide(role)).toBe(nationwide);
  });

  it('has exactly the five staff roles', () => {
    expect([...ROLES].sort()).toEqual(['admin', 'auditor', 'caseworker', 'provider_staff', 'regional_official']);
  });

  it('ties only provider staff to a provider', () => {
    expect(ROLES.filter(needsProvider)).toEqual(['provider_staff']);
  });
});
