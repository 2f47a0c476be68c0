import {
  ACTIVE_STATUSES,
  APPLICATION_STATUSES,
  type ApplicationStatus,
  availableTransitions,
  checkTransition,
  findTransition,
  isApplicationStatus,
  isTerminal,
  TERMINAL_STATUSES,
  type TransitionDef,
  type TransitionEffect,
  type TransitionName,
  TRANSITION_NAMES,
  type TransitionRequirement,
  TRANSITIONS,
  transitionsFrom,
} from './application-workflow';
import { type Role, ROLES } from './roles';

// The machine written out again, independently of TRANSITIONS, so that a change to
// the procedure has to be made on purpose in both places.
interface Expected {
  from: ApplicationStatus[];
  to: ApplicationStatus;
  requires: TransitionRequirement[];
  legalGroundKind?: TransitionDef['legalGroundKind'];
  effects: TransitionEffect[];
}

const EXPECTED: Record<TransitionName, Expected> = {
  submit: {
    from: ['draft'],
    to: 'submitted',
    requires: ['has_members'],
    effects: ['assign_number', 'start_deadline:completeness_check'],
  },
  accept: {
    from: ['submitted'],
    to: 'under_review',
    requires: [],
    effects: ['start_deadline:status_decision'],
  },
  accept_to_commission: {
    from: ['submitted'],
    to: 'commission_review',
    requires: [],
    effects: ['start_deadline:commission_review'],
  },
  refuse_acceptance: {
    from: ['submitted'],
    to: 'acceptance_refused',
    requires: ['legal_ground', 'comment'],
    legalGroundKind: 'refuse_acceptance',
    effects: ['clear_deadline', 'release_members'],
  },
  commission_recommend: {
    from: ['commission_review'],
    to: 'under_review',
    requires: ['comment'],
    effects: ['start_deadline:status_decision'],
  },
  commission_reject: {
    from: ['commission_review'],
    to: 'rejected',
    requires: ['legal_ground', 'comment'],
    legalGroundKind: 'reject',
    effects: ['clear_deadline', 'release_members'],
  },
  request_information: {
    from: ['under_review'],
    to: 'information_requested',
    requires: ['comment'],
    effects: ['pause_deadline'],
  },
  receive_information: {
    from: ['information_requested'],
    to: 'under_review',
    requires: ['comment'],
    effects: ['resume_deadline'],
  },
  approve: {
    from: ['under_review'],
    to: 'approved',
    requires: ['checklist_complete'],
    effects: ['clear_deadline', 'grant_status', 'issue_certificate'],
  },
  reject: {
    from: ['under_review'],
    to: 'rejected',
    requires: ['legal_ground', 'comment'],
    legalGroundKind: 'reject',
    effects: ['clear_deadline', 'release_members'],
  },
  withdraw: {
    from: ['draft', 'submitted', 'commission_review', 'under_review', 'information_requested'],
    to: 'withdrawn',
    requires: ['comment'],
    effects: ['clear_deadline', 'release_members'],
  },
  extend: {
    from: ['approved'],
    to: 'approved',
    requires: ['extension_allowed', 'comment'],
    effects: ['extend_status'],
  },
  expire: {
    from: ['approved'],
    to: 'expired',
    requires: ['status_expired'],
    effects: ['release_members'],
  },
  revoke: {
    from: ['approved'],
    to: 'revoked',
    requires: ['legal_ground', 'comment'],
    legalGroundKind: 'revoke',
    effects: ['revoke_certificate', 'release_members'],
  },
  naturalise: {
    from: ['approved'],
    to: 'naturalised',
    requires: [],
    effects: ['release_members'],
  },
};

/** Taken by the system alone, never offered as a button. */
const SYSTEM_TRANSITIONS: readonly TransitionName[] = ['naturalise'];

const ALLOWED_ROLES: Role[] = ['caseworker', 'admin'];
const REFUSED_ROLES: Role[] = ['regional_official', 'auditor'];

/** Every (from, to) pair the expected machine allows, with its transition's name. */
const ALLOWED_PAIRS: [ApplicationStatus, ApplicationStatus, TransitionName][] = (
  Object.entries(EXPECTED) as [TransitionName, Expected][]
).flatMap(([name, t]) =>
  t.from.map((from): [ApplicationStatus, ApplicationStatus, TransitionName] => [from, t.to, name]),
);

/** The pairs a person may move a case along (the system's own aside). */
const HUMAN_PAIRS = ALLOWED_PAIRS.filter(([, , name]) => !SYSTEM_TRANSITIONS.includes(name));

const isAllowedPair = (from: ApplicationStatus, to: ApplicationStatus): boolean =>
  ALLOWED_PAIRS.some(([f, t]) => f === from && t === to);

const FORBIDDEN_PAIRS: [ApplicationStatus, ApplicationStatus][] = APPLICATION_STATUSES.flatMap((from) =>
  APPLICATION_STATUSES.filter((to) => !isAllowedPair(from, to)).map((to): [ApplicationStatus, ApplicationStatus] => [
    from,
    to,
  ]),
);

const byName = (name: TransitionName): TransitionDef => {
  const found = TRANSITIONS.find((t) => t.name === name);
  if (!found) throw new Error(`no transition ${name}`);
  return found;
};

describe('statuses', () => {
  it('lists the twelve statuses of the case', () => {
    expect(APPLICATION_STATUSES).toHaveLength(12);
    expect(new Set(APPLICATION_STATUSES).size).toBe(12);
  });

  it('splits them into terminal and active, with no status in both or neither', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(
      ['acceptance_refused', 'expired', 'naturalised', 'rejected', 'revoked', 'withdrawn'].sort(),
    );
    expect([...ACTIVE_STATUSES].sort()).toEqual(
      ['approved', 'commission_review', 'draft', 'information_requested', 'submitted', 'under_review'].sort(),
    );
    expect([...TERMINAL_STATUSES, ...ACTIVE_STATUSES].sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  it.each(APPLICATION_STATUSES.map((s) => [s, TERMINAL_STATUSES.includes(s)] as const))(
    'isTerminal(%s) is %p',
    (status, terminal) => {
      expect(isTerminal(status)).toBe(terminal);
    },
  );

  it.each(TERMINAL_STATUSES.map((s) => [s]))('%s has no way out', (status) => {
    expect(transitionsFrom(status)).toEqual([]);
    for (const role of ROLES) expect(availableTransitions(status, role)).toEqual([]);
    for (const to of APPLICATION_STATUSES) expect(findTransition(status, to)).toBeNull();
  });

  it.each(ACTIVE_STATUSES.map((s) => [s]))('%s has a way out', (status) => {
    expect(transitionsFrom(status).length).toBeGreaterThan(0);
  });

  it('recognises a status coming from outside', () => {
    expect(isApplicationStatus('under_review')).toBe(true);
    expect(isApplicationStatus('closed')).toBe(false);
    expect(isApplicationStatus(undefined)).toBe(false);
    expect(isApplicationStatus(3)).toBe(false);
  });
});

describe('TRANSITIONS', () => {
  it('defines each named transition once, and nothing else', () => {
    expect(TRANSITIONS.map((t) => t.name).sort()).toEqual([...TRANSITION_NAMES].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...TRANSITION_NAMES].sort());
  });

  it.each(TRANSITION_NAMES.map((name) => [name]))(
    '%s has the expected source, target, requirements and effects',
    (name) => {
      const { from, to, requires, legalGroundKind, effects } = byName(name);
      const expected = EXPECTED[name];
      expect({
        from: [...from],
        to,
        requires: [...requires].sort(),
        legalGroundKind,
        effects: [...effects].sort(),
      }).toEqual({
        from: expected.from,
        to: expected.to,
        requires: [...expected.requires].sort(),
        legalGroundKind: expected.legalGroundKind,
        effects: [...expected.effects].sort(),
      });
    },
  );

  it.each(TRANSITION_NAMES.filter((name) => !SYSTEM_TRANSITIONS.includes(name)).map((name) => [name]))(
    '%s may be triggered by caseworkers and admins only',
    (name) => {
      expect([...byName(name).roles].sort()).toEqual([...ALLOWED_ROLES].sort());
    },
  );

  it.each(SYSTEM_TRANSITIONS.map((name) => [name]))('%s is taken by the system, by no role', (name) => {
    expect(byName(name).roles).toEqual([]);
  });

  it('maps each (from, to) pair to at most one transition', () => {
    const pairs = TRANSITIONS.flatMap((t) => t.from.map((from) => `${from}→${t.to}`));
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('names a legal-ground list exactly when a legal ground is required', () => {
    for (const t of TRANSITIONS) {
      expect(t.requires.includes('legal_ground')).toBe(t.legalGroundKind !== undefined);
    }
  });

  it('requires a comment with every legal ground', () => {
    for (const t of TRANSITIONS.filter((t) => t.requires.includes('legal_ground'))) {
      expect(t.requires).toContain('comment');
    }
  });

  it('releases the members exactly on entering a terminal status', () => {
    for (const t of TRANSITIONS) {
      expect(t.effects.includes('release_members')).toBe(isTerminal(t.to));
    }
  });

  it('does not revoke the certificate on expiry: its dates already say so', () => {
    expect(byName('expire').effects).not.toContain('revoke_certificate');
    expect(byName('revoke').effects).toContain('revoke_certificate');
  });

  it('starts at most one deadline per transition, and clears no deadline it starts', () => {
    for (const t of TRANSITIONS) {
      const started = t.effects.filter((e) => e.startsWith('start_deadline:'));
      expect(started.length).toBeLessThanOrEqual(1);
      if (started.length > 0) expect(t.effects).not.toContain('clear_deadline');
    }
  });

  it('leaves every status reachable from draft', () => {
    const reached = new Set<ApplicationStatus>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (!reached.has(t.to) && t.from.some((f) => reached.has(f))) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(TRANSITIONS)).toBe(true);
    for (const t of TRANSITIONS) {
      expect(Object.isFrozen(t)).toBe(true);
      expect(Object.isFrozen(t.from)).toBe(true);
      expect(Object.isFrozen(t.requires)).toBe(true);
      expect(Object.isFrozen(t.effects)).toBe(true);
    }
  });
});

describe('findTransition', () => {
  it.each(ALLOWED_PAIRS)('%s → %s is %s', (from, to, name) => {
    expect(findTransition(from, to)?.name).toBe(name);
  });

  it('finds withdraw from each of its five sources', () => {
    for (const from of EXPECTED.withdraw.from) {
      expect(findTransition(from, 'withdrawn')?.name).toBe('withdraw');
    }
  });

  it('finds extend as approved → approved', () => {
    expect(findTransition('approved', 'approved')?.name).toBe('extend');
  });

  it.each(FORBIDDEN_PAIRS)('%s → %s is none', (from, to) => {
    expect(findTransition(from, to)).toBeNull();
  });
});

describe('checkTransition over the full status × status × role grid', () => {
  it('covers all 144 pairs: 19 allowed, 125 forbidden', () => {
    expect(ALLOWED_PAIRS).toHaveLength(19);
    expect(FORBIDDEN_PAIRS).toHaveLength(144 - 19);
  });

  it.each(ROLES.map((r) => [r]))('lets no %s take the system’s own transitions', (role) => {
    for (const [from, to] of ALLOWED_PAIRS.filter(([, , name]) => SYSTEM_TRANSITIONS.includes(name))) {
      expect(checkTransition(from, to, role)).toMatchObject({ ok: false, reason: 'role_not_allowed' });
    }
  });

  describe.each(ALLOWED_ROLES.map((r) => [r]))('%s', (role) => {
    it.each(HUMAN_PAIRS)('may move %s → %s (%s)', (from, to, name) => {
      const check = checkTransition(from, to, role);
      expect(check.ok).toBe(true);
      if (check.ok) expect(check.transition.name).toBe(name);
    });
  });

  describe.each(REFUSED_ROLES.map((r) => [r]))('%s', (role) => {
    it.each(ALLOWED_PAIRS)('may not move %s → %s (%s)', (from, to, name) => {
      const check = checkTransition(from, to, role);
      expect(check).toEqual({ ok: false, reason: 'role_not_allowed', message: expect.any(String) });
      if (!check.ok) {
        expect(check.message).toContain(role);
        expect(check.message).toContain(name);
      }
    });
  });

  describe.each(ROLES.map((r) => [r]))('%s', (role) => {
    it.each(FORBIDDEN_PAIRS)('is refused %s → %s as no such transition', (from, to) => {
      const check = checkTransition(from, to, role);
      expect(check).toEqual({ ok: false, reason: 'no_such_transition', message: expect.any(String) });
      if (!check.ok) {
        expect(check.message).toContain(from);
        expect(check.message).toContain(to);
      }
    });
  });

  it('says no_such_transition rather than role_not_allowed when both apply', () => {
    expect(checkTransition('draft', 'approved', 'auditor')).toMatchObject({
      ok: false,
      reason: 'no_such_transition',
    });
  });

  it('refuses a role it does not know', () => {
    expect(checkTransition('draft', 'submitted', 'applicant' as Role)).toMatchObject({
      ok: false,
      reason: 'role_not_allowed',
    });
  });
});

describe('availableTransitions (the buttons)', () => {
  const names = (status: ApplicationStatus, role: Role) =>
    availableTransitions(status, role)
      .map((t) => t.name)
      .sort();

  const EXPECTED_BUTTONS: Record<ApplicationStatus, TransitionName[]> = {
    draft: ['submit', 'withdraw'],
    submitted: ['accept', 'accept_to_commission', 'refuse_acceptance', 'withdraw'],
    commission_review: ['commission_recommend', 'commission_reject', 'withdraw'],
    under_review: ['approve', 'reject', 'request_information', 'withdraw'],
    information_requested: ['receive_information', 'withdraw'],
    approved: ['expire', 'extend', 'revoke'],
    acceptance_refused: [],
    rejected: [],
    withdrawn: [],
    expired: [],
    revoked: [],
    naturalised: [],
  };

  describe.each(ALLOWED_ROLES.map((r) => [r]))('for a %s', (role) => {
    it.each(APPLICATION_STATUSES.map((s) => [s]))('in %s', (status) => {
      expect(names(status, role)).toEqual([...EXPECTED_BUTTONS[status]].sort());
      expect(availableTransitions(status, role)).toEqual(
        transitionsFrom(status).filter((t) => !SYSTEM_TRANSITIONS.includes(t.name)),
      );
    });
  });

  describe.each(REFUSED_ROLES.map((r) => [r]))('for a %s', (role) => {
    it.each(APPLICATION_STATUSES.map((s) => [s]))('in %s there are none', (status) => {
      expect(availableTransitions(status, role)).toEqual([]);
    });
  });

  it('gives the UI the inputs each button needs', () => {
    const reject = availableTransitions('under_review', 'caseworker').find((t) => t.name === 'reject');
    expect(reject).toMatchObject({
      requires: expect.arrayContaining(['legal_ground', 'comment']),
      legalGroundKind: 'reject',
    });
  });
});
