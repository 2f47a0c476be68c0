import {
  canApplyReferralAction,
  CLOSED_REFERRAL_STATES,
  REFERRAL_ACTIONS,
  REFERRAL_STATES,
  referralActionsFor,
  roleMayTakeReferralAction,
} from './referral-workflow';

describe('referral workflow', () => {
  it('lets nothing leave a closed referral', () => {
    for (const state of CLOSED_REFERRAL_STATES) {
      for (const action of REFERRAL_ACTIONS) expect(canApplyReferralAction(state, action)).toBe(false);
    }
  });

  it('answers only a referral still asking, enrols only an accepted one, completes only an enrolled one', () => {
    expect(REFERRAL_STATES.filter((s) => canApplyReferralAction(s, 'accept'))).toEqual(['requested']);
    expect(REFERRAL_STATES.filter((s) => canApplyReferralAction(s, 'reject'))).toEqual(['requested', 'waitlisted']);
    expect(REFERRAL_STATES.filter((s) => canApplyReferralAction(s, 'enrol'))).toEqual(['accepted']);
    expect(REFERRAL_STATES.filter((s) => canApplyReferralAction(s, 'complete'))).toEqual(['enrolled']);
  });

  it('keeps cancelling with the referring side', () => {
    expect(roleMayTakeReferralAction('provider_staff', 'cancel')).toBe(false);
    expect(roleMayTakeReferralAction('caseworker', 'cancel')).toBe(true);
    expect(referralActionsFor('provider_staff', 'requested')).toEqual(['accept', 'reject']);
    expect(referralActionsFor('regional_official', 'enrolled')).toEqual(['complete', 'cancel']);
  });

  it('gives an auditor no action', () => {
    for (const state of REFERRAL_STATES) expect(referralActionsFor('auditor', state)).toEqual([]);
  });
});
