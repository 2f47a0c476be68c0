import { ageOn, type PlanServiceType, startingPlanItems } from './adaptation-plan';

const TYPES: PlanServiceType[] = [
  { id: 1, audience: 'family', inclusionService: 'information' },
  { id: 2, audience: 'adult', inclusionService: 'language_course' },
  { id: 3, audience: 'school_child', inclusionService: 'educational' },
  { id: 4, audience: 'preschool_child', inclusionService: 'educational' },
  { id: 5, audience: 'family', inclusionService: null },
];
const FAMILY = [
  { personId: 10, birthDate: '1985-03-01' },
  { personId: 11, birthDate: '1988-12-31' },
  { personId: 12, birthDate: '2014-06-15' },
  { personId: 13, birthDate: '2022-01-10' },
  { personId: 14, birthDate: '2026-05-01' },
];

describe('ageOn', () => {
  it('counts a birthday on the day itself, not the day before', () => {
    expect(ageOn('2008-12-02', '2026-12-02')).toBe(18);
    expect(ageOn('2008-12-03', '2026-12-02')).toBe(17);
  });
});

describe('startingPlanItems', () => {
  it('gives family services once and the others to each member of their age band', () => {
    expect(startingPlanItems(['information', 'language_course', 'educational'], TYPES, FAMILY, '2026-12-02')).toEqual([
      { serviceTypeId: 1, personId: null },
      { serviceTypeId: 2, personId: 10 },
      { serviceTypeId: 2, personId: 11 },
      { serviceTypeId: 3, personId: 12 },
      { serviceTypeId: 4, personId: 13 },
    ]);
  });

  it('starts nothing the family did not choose, and no type without an inclusion choice', () => {
    expect(startingPlanItems(['legal'], TYPES, FAMILY, '2026-12-02')).toEqual([]);
    expect(startingPlanItems([], TYPES, FAMILY, '2026-12-02')).toEqual([]);
  });
});
