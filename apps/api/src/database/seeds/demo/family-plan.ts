import {
  addDays,
  addPeriod,
  addWorkingDays,
  DEFAULT_EXTENSION_RULE,
  type ApplicationStatus,
  iinCheckDigit,
  KAZAKHSTAN_FIXED_HOLIDAYS,
  TRANSITIONS,
  type TransitionName,
  workingDaysBetween,
} from '@qonys/domain';
import {
  AGE_RANGES,
  type AgeShares,
  ageShares,
  ARRIVALS_BY_YEAR,
  CHANNEL_SHARES,
  educationShares,
  FIRST_YEAR,
  MAX_FAMILY_SIZE,
  MEAN_FAMILY_SIZE,
  ORIGIN_LANGUAGES,
  originShares,
  OTHER_ORIGINS,
  settlementShares,
} from './distributions';
import { newCertificateNumber } from '../../../modules/applications/certificate-number';
import { FEMALE_NAMES, latin, MALE_NAMES, passportSpelling, SURNAMES } from './kazakh-names';
import { familyRandom, type Random } from './random';

/**
 * One demo family's whole story, planned in memory from the seed alone: who they are,
 * each step of their case up to "demo today", their documents, and their path through
 * the regional quota. Pure and deterministic; demo-writer.ts turns plans into rows.
 * The figures followed are in distributions.ts (sources: docs/demo-data.md).
 */

export type AgeGroup = keyof AgeShares;
export type Relation = 'applicant' | 'spouse' | 'child' | 'parent' | 'sibling';

export interface PlannedPerson {
  surname: string;
  givenName: string;
  patronymic: string | null;
  surnameLatin: string;
  givenNameLatin: string;
  patronymicLatin: string | null;
  otherSpellings: string[];
  birthDate: string;
  sex: 'M' | 'F';
  iin: string | null;
  countryOfOrigin: string;
  idDocumentType: 'passport' | 'birth_certificate';
  idDocumentNumber: string;
  idDocumentExpiry: string;
  educationLevel: string | null;
  languages: string[];
  relation: Relation;
  ageGroup: AgeGroup;
}

/** A move along the state machine of libs/domain, at a moment before demo today. */
export interface PlannedStep {
  at: Date;
  transition: TransitionName;
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** A legal ground code from the seeded list, for decisions that need one. */
  legalGround: string | null;
  comment: string | null;
}

export interface PlannedDocument {
  typeKey: string;
  /** Index into members for a member document, null for the case's own. */
  member: number | null;
  uploadedAt: Date;
  verifiedAt: Date | null;
}

export interface PlannedInclusion {
  year: number;
  requestedAt: Date;
  preferredRegions: string[];
  persons: number;
  deadlineDue: string;
  decision: { at: Date; region: string; included: boolean } | null;
  settlement: { createdAt: Date; plannedArrival: string; arrivedAt: Date | null; actualArrival: string | null } | null;
}

export interface FamilyPlan {
  index: number;
  regionCode: string;
  channel: string;
  createdAt: Date;
  members: PlannedPerson[];
  /** The steps taken, in order; the case's status is the last one's `to` (or draft). */
  steps: PlannedStep[];
  status: ApplicationStatus;
  deadline: { stage: string; due: string | null; pausedRemaining: number | null } | null;
  statusValidFrom: string | null;
  statusValidTo: string | null;
  extensionCount: number;
  certificate: { number: string; issuedOn: string; revokedAt: Date | null } | null;
  documents: PlannedDocument[];
  inclusion: PlannedInclusion | null;
}

/** Places left in each region's kandas quota, by year; plans take from it in family order. */
export type QuotaBook = Map<number, Map<string, number>>;

/** What families planned one after another share: capacities for preferences, IIN serials per birth date. */
interface PlanState {
  capacities: Map<number, Map<string, number>>;
  iinSerials: Map<string, number>;
}

export interface PlanContext {
  seed: number;
  /** Demo today, YYYY-MM-DD: every planned event happens before this day. */
  today: string;
  quotas: QuotaBook;
}

const RULES = KAZAKHSTAN_FIXED_HOLIDAYS;
const DAY_MS = 86_400_000;

const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
/** A moment in office hours (09:00–17:59 in Kazakhstan, UTC+5) of the given day. */
const officeTime = (date: string, rnd: Random): Date =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (4 + rnd.int(0, 8)) * 3_600_000 + rnd.int(0, 59) * 60_000);
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * Cases whose end is fixed, so that every status, queue and quota stage has
 * something to show even in a small demo. The first families take them in turn.
 */
export const SHOWCASE = [
  'draft',
  'submitted',
  'commission_review',
  'under_review',
  'information_requested',
  'approved',
  'acceptance_refused',
  'rejected',
  'withdrawn',
  'expired',
  'revoked',
  'inclusion_pending',
  'inclusion_reserved',
  'inclusion_arrived',
] as const;
type Showcase = (typeof SHOWCASE)[number];
/** How long before yesterday the showcase's last step was: long enough for what follows it. */
const SHOWCASE_DAYS_AGO: Record<Showcase, number> = {
  draft: 1,
  submitted: 1,
  commission_review: 1,
  under_review: 1,
  information_requested: 1,
  approved: 0,
  acceptance_refused: 3,
  rejected: 3,
  withdrawn: 3,
  expired: 365 + 92 + 25,
  revoked: 340,
  inclusion_pending: 30,
  inclusion_reserved: 60,
  inclusion_arrived: 200,
};

const CASE_WORK_COMMENTS: Partial<Record<TransitionName, string>> = {
  refuse_acceptance: 'Құжаттар топтамасы толық емес / Неполный пакет документов',
  commission_recommend: 'Ұлт комиссиясының хаттамасы / Протокол комиссии по национальности',
  commission_reject: 'Ұлт комиссиясының теріс қорытындысы / Отрицательное заключение комиссии',
  request_information: 'Туу туралы куәліктің аудармасы қажет / Нужен перевод свидетельства о рождении',
  receive_information: 'Аударма алынды / Перевод получен',
  reject: 'Жалған мәліметтер / Недостоверные сведения',
  withdraw: 'Өтініш иесінің өтініші бойынша / По заявлению заявителя',
  extend: 'Азаматтық туралы өтініш қаралуда / Заявление о гражданстве на рассмотрении',
  revoke: 'ҚР азаматтығы алынды / Получено гражданство РК',
};
const LEGAL_GROUNDS: Partial<Record<TransitionName, string>> = {
  refuse_acceptance: 'incomplete_documents',
  commission_reject: 'negative_nationality_finding',
  reject: 'false_information',
  revoke: 'citizenship_obtained',
};

/** Years with demo families: FIRST_YEAR to demo today's year, the last one in part. */
export function yearWeights(today: string): Record<string, number> {
  const year = Number(today.slice(0, 4));
  const weights: Record<string, number> = {};
  for (let y = FIRST_YEAR; y <= year; y++) {
    const arrivals = ARRIVALS_BY_YEAR[y] ?? ARRIVALS_BY_YEAR[2026];
    weights[String(y)] = y === year ? (arrivals * daysBetween(`${y}-01-01`, today)) / 365 : arrivals;
  }
  return weights;
}

function poissonSize(rnd: Random): number {
  // Knuth's method: fine for a mean near 1.
  const limit = Math.exp(-(MEAN_FAMILY_SIZE - 1));
  let k = 0;
  let p = rnd.next();
  while (p > limit) {
    k++;
    p *= rnd.next();
  }
  return Math.min(MAX_FAMILY_SIZE, 1 + k);
}

/**
 * Age groups of the family, applicant first. The applicant is an adult; the other
 * members take the minors' share so that, over all persons, the groups follow the
 * published shares (minors / (1 − 1/mean size) among members).
 */
function ageGroups(rnd: Random, size: number, year: number): AgeGroup[] {
  const shares = ageShares(year);
  const adults = shares.working + shares.pensioner;
  const memberMinor = Math.min(0.95, shares.minor / 100 / (1 - 1 / MEAN_FAMILY_SIZE));
  const adult = (): AgeGroup => (rnd.chance(shares.pensioner / adults) ? 'pensioner' : 'working');
  const groups: AgeGroup[] = [adult()];
  for (let i = 1; i < size; i++) groups.push(rnd.chance(memberMinor) ? 'minor' : adult());
  return groups;
}

function relationOf(group: AgeGroup, applicant: AgeGroup, hasSpouse: boolean): Relation {
  if (group === 'minor') return 'child';
  if (!hasSpouse && group === applicant) return 'spouse';
  if (group === 'pensioner' && applicant === 'working') return 'parent';
  return applicant === 'pensioner' ? 'child' : 'sibling';
}

function birthDate(rnd: Random, group: AgeGroup, on: string): string {
  const [min, max] = AGE_RANGES[group];
  return addDays(on, -(rnd.int(min, max) * 365 + rnd.int(0, 364)));
}

function education(rnd: Random, group: AgeGroup, born: string, year: number): string | null {
  if (group !== 'minor') return rnd.weighted(educationShares(year));
  const age = year - Number(born.slice(0, 4));
  return age < 7 ? null : age < 16 ? 'primary' : 'general_secondary';
}

function person(
  rnd: Random,
  state: PlanState,
  index: number,
  member: number,
  group: AgeGroup,
  relation: Relation,
  sex: 'M' | 'F',
  surnameRoot: string,
  father: string,
  origin: string,
  created: string,
  year: number,
): PlannedPerson {
  const given = sex === 'M' ? rnd.pick(MALE_NAMES) : rnd.pick(FEMALE_NAMES);
  const surname = `${surnameRoot}${sex === 'F' ? 'а' : ''}`;
  const patronymic = `${father}${sex === 'M' ? 'ұлы' : 'қызы'}`;
  const born = birthDate(rnd, group, created);
  // Kandas have no IIN until they register; about a third already have one by intake.
  let iin: string | null = null;
  if (rnd.chance(0.35)) {
    // Serials count up per birth date, so no two demo persons share an IIN.
    const serial = (state.iinSerials.get(born) ?? 0) + 1;
    state.iinSerials.set(born, serial);
    const century = born < '2000' ? (sex === 'M' ? 3 : 4) : sex === 'M' ? 5 : 6;
    const first11 = `${born.slice(2, 4)}${born.slice(5, 7)}${born.slice(8, 10)}${century}${String(serial).padStart(4, '0')}`;
    const check = serial > 9999 ? null : iinCheckDigit(first11);
    iin = check === null ? null : `${first11}${check}`;
  }
  const passport = group !== 'minor' || rnd.chance(0.5);
  return {
    surname,
    givenName: given,
    patronymic,
    surnameLatin: latin(surname),
    givenNameLatin: latin(given),
    patronymicLatin: latin(patronymic),
    otherSpellings: passport ? [`${passportSpelling(surname)} ${passportSpelling(given)}`] : [],
    birthDate: born,
    sex,
    iin,
    countryOfOrigin: origin,
    idDocumentType: passport ? 'passport' : 'birth_certificate',
    idDocumentNumber: `${origin}${String(index).padStart(7, '0')}${member}`,
    idDocumentExpiry: addDays(created, rnd.int(200, 3000)),
    educationLevel: education(rnd, group, born, year),
    languages: ['kk', ...(ORIGIN_LANGUAGES[origin] ?? [])],
    relation,
    ageGroup: group,
  };
}

function family(rnd: Random, state: PlanState, index: number, created: string, year: number): PlannedPerson[] {
  const originKey = rnd.weighted(originShares(year));
  const origin = originKey === 'OTHER' ? rnd.pick(OTHER_ORIGINS) : originKey;
  const groups = ageGroups(rnd, poissonSize(rnd), year);
  const surnameRoot = rnd.pick(SURNAMES);
  const applicantSex: 'M' | 'F' = rnd.chance(0.5) ? 'M' : 'F';
  const applicantFather = rnd.pick(MALE_NAMES);
  const members: PlannedPerson[] = [];
  let hasSpouse = false;
  groups.forEach((group, m) => {
    const relation = m === 0 ? 'applicant' : relationOf(group, groups[0], hasSpouse);
    if (relation === 'spouse') hasSpouse = true;
    // A spouse is of the other sex and keeps her (his) own family name.
    const sex: 'M' | 'F' =
      relation === 'applicant'
        ? applicantSex
        : relation === 'spouse'
          ? applicantSex === 'M'
            ? 'F'
            : 'M'
          : rnd.chance(0.5)
            ? 'M'
            : 'F';
    const root = relation === 'spouse' || relation === 'parent' ? rnd.pick(SURNAMES) : surnameRoot;
    const father =
      relation === 'child'
        ? applicantSex === 'M'
          ? members[0].givenName
          : rnd.pick(MALE_NAMES)
        : relation === 'sibling'
          ? applicantFather
          : rnd.pick(MALE_NAMES);
    members.push(
      person(
        rnd,
        state,
        index,
        m,
        group,
        relation,
        sex,
        root,
        m === 0 ? applicantFather : father,
        origin,
        created,
        year,
      ),
    );
  });
  return members;
}

interface PathChoice {
  commission: boolean;
  refuse: boolean;
  commissionReject: boolean;
  informationRequest: boolean;
  /** Withdrawn while the information was awaited. */
  withdrawWaiting: boolean;
  reject: boolean;
  withdraw: boolean;
  extend: boolean;
  revoke: boolean;
}

function choosePath(rnd: Random, showcase: Showcase | null): PathChoice {
  const choice: PathChoice = {
    commission: rnd.chance(0.25),
    refuse: rnd.chance(0.04),
    commissionReject: rnd.chance(0.1),
    informationRequest: rnd.chance(0.15),
    withdrawWaiting: rnd.chance(0.1),
    reject: rnd.chance(0.04),
    withdraw: rnd.chance(0.03),
    extend: rnd.chance(0.08),
    revoke: rnd.chance(0.2),
  };
  if (showcase === null) return choice;
  const ending = { refuse: false, commissionReject: false, withdrawWaiting: false, reject: false, withdraw: false };
  return { ...choice, ...ending, revoke: false, ...SHOWCASE_PATHS[showcase] };
}

/** The branches a showcase takes; the others end in approval without revocation. */
const SHOWCASE_PATHS: Partial<Record<Showcase, Partial<PathChoice>>> = {
  commission_review: { commission: true },
  information_requested: { informationRequest: true },
  acceptance_refused: { refuse: true },
  rejected: { commission: false, reject: true },
  withdrawn: { informationRequest: true, withdrawWaiting: true },
  revoked: { revoke: true },
};

/** The case's steps as day offsets from its creation (day 0), before cutting at today. */
interface DraftStep {
  day: number;
  transition: TransitionName;
}

function caseSteps(rnd: Random, choice: PathChoice, channel: string): DraftStep[] {
  const steps: DraftStep[] = [];
  let day = channel === 'egov' ? 0 : rnd.int(0, 2);
  const step = (transition: TransitionName, after: number) => {
    day += after;
    steps.push({ day, transition });
  };
  step('submit', 0);
  if (choice.refuse) {
    step('refuse_acceptance', rnd.int(1, 3));
    return steps;
  }
  if (choice.commission) {
    step('accept_to_commission', rnd.int(1, 3));
    if (choice.commissionReject) {
      step('commission_reject', rnd.int(3, 15));
      return steps;
    }
    step('commission_recommend', rnd.int(3, 15));
  } else {
    step('accept', rnd.int(1, 3));
  }
  if (choice.informationRequest) {
    step('request_information', rnd.int(2, 10));
    if (choice.withdrawWaiting) {
      step('withdraw', rnd.int(10, 40));
      return steps;
    }
    step('receive_information', rnd.int(7, 40));
  }
  if (choice.reject || choice.withdraw) {
    step(choice.reject ? 'reject' : 'withdraw', rnd.int(3, 25));
    return steps;
  }
  step('approve', rnd.int(3, 25));
  return steps;
}

/** Status validity after approval: extension, revocation or expiry, as day offsets. */
function statusSteps(
  rnd: Random,
  choice: PathChoice,
  approvedOn: string,
  approveDay: number,
): { steps: DraftStep[]; validTo: string } {
  const validTo = addPeriod(approvedOn, 1, 'years');
  const offset = (date: string) => approveDay + daysBetween(approvedOn, date);
  if (choice.revoke) {
    return { steps: [{ day: approveDay + rnd.int(60, 330), transition: 'revoke' }], validTo };
  }
  const steps: DraftStep[] = [];
  let end = validTo;
  if (choice.extend) {
    // Within the six months before expiry (libs/domain DEFAULT_EXTENSION_RULE).
    steps.push({ day: offset(validTo) - rnd.int(5, DEFAULT_EXTENSION_RULE.windowMonths * 25), transition: 'extend' });
    end = addPeriod(validTo, DEFAULT_EXTENSION_RULE.extensionMonths, 'months');
  }
  steps.push({ day: offset(end) + rnd.int(1, 20), transition: 'expire' });
  return { steps, validTo };
}

/** The showcase's step that must be the last one taken before today (index into steps; -1: the creation). */
function showcaseStop(showcase: Showcase, steps: DraftStep[]): number {
  if (showcase === 'draft') return -1;
  const stop = SHOWCASE_STOPS[showcase];
  if (stop === undefined) return steps.length - 1;
  const index = steps.findIndex((s) => s.transition === stop);
  // A case sent to the commission came to review by its recommendation.
  return index >= 0 ? index : steps.findIndex((s) => s.transition === 'commission_recommend');
}

/** The step each showcase stops after (the terminal ones: their last). */
const SHOWCASE_STOPS: Partial<Record<Showcase, TransitionName>> = {
  submitted: 'submit',
  commission_review: 'accept_to_commission',
  under_review: 'accept',
  information_requested: 'request_information',
  approved: 'approve',
  inclusion_pending: 'approve',
  inclusion_reserved: 'approve',
  inclusion_arrived: 'approve',
};

function plannedStep(rnd: Random, transition: TransitionName, from: ApplicationStatus, date: string): PlannedStep {
  const to = findTransitionTarget(transition, from);
  return {
    at: officeTime(date, rnd),
    transition,
    from,
    to,
    legalGround: LEGAL_GROUNDS[transition] ?? null,
    comment: CASE_WORK_COMMENTS[transition] ?? null,
  };
}

/** Where the transition leads from `from`, by the state machine of libs/domain (application-workflow). */
function findTransitionTarget(transition: TransitionName, from: ApplicationStatus): ApplicationStatus {
  const def = TRANSITIONS.find((t) => t.name === transition && t.from.includes(from));
  if (!def) throw new Error(`demo plan: no ${transition} from ${from}`);
  return def.to;
}

/** Working days each open stage is given (the seeded deadline settings, docs/demo-data.md). */
const STAGE_DAYS: Partial<Record<ApplicationStatus, [stage: string, days: number]>> = {
  submitted: ['completeness_check', 1],
  commission_review: ['commission_review', 3],
  under_review: ['status_decision', 5],
};

function deadlineOf(status: ApplicationStatus, steps: PlannedStep[]): FamilyPlan['deadline'] {
  const since = steps.length > 0 ? dayOf(steps[steps.length - 1].at) : null;
  const stage = STAGE_DAYS[status];
  if (stage && since) return { stage: stage[0], due: addWorkingDays(since, stage[1], RULES), pausedRemaining: null };
  if (status !== 'information_requested' || !since) return null;
  // The decision clock stopped: what was left of it when the information was asked for.
  const due = addWorkingDays(dayOf(steps[steps.length - 2].at), 5, RULES);
  return { stage: 'status_decision', due: null, pausedRemaining: Math.max(0, workingDaysBetween(since, due, RULES)) };
}

function documentsOf(
  rnd: Random,
  plan: Pick<FamilyPlan, 'members' | 'channel' | 'createdAt' | 'steps'>,
  commission: boolean,
): PlannedDocument[] {
  const uploadedAt = plan.createdAt;
  const reviewStep = plan.steps.find((s) => s.from === 'submitted');
  const verifiedAt = reviewStep && reviewStep.to !== 'acceptance_refused' ? reviewStep.at : null;
  const doc = (typeKey: string, member: number | null): PlannedDocument => ({
    typeKey,
    member,
    uploadedAt: new Date(uploadedAt.getTime() + rnd.int(1, 50) * 60_000),
    verifiedAt,
  });
  if (plan.steps.length === 0) return [doc('application_form', null)];
  const docs = [doc('application_form', null), doc('autobiography', null)];
  plan.members.forEach((_, m) => docs.push(doc('identity_document', m), doc('notarised_translation', m)));
  if (!commission) docs.push(doc('proof_of_nationality', null));
  if (plan.channel === 'mission_abroad') docs.push(doc('consent_decision', null));
  return docs;
}

/** Ranked preferences among the year's quota regions, the larger quotas more often first. */
function preferences(rnd: Random, regions: Map<string, number>, capacities: Map<string, number>): string[] {
  const pool: Record<string, number> = {};
  for (const code of regions.keys()) pool[code] = capacities.get(code) ?? 1;
  const ranked: string[] = [];
  const count = Math.min(regions.size, rnd.int(1, 3));
  while (ranked.length < count) {
    const code = rnd.weighted(pool);
    ranked.push(code);
    delete pool[code];
  }
  return ranked;
}

function inclusionOf(
  rnd: Random,
  ctx: PlanContext,
  state: PlanState,
  approvedAt: Date,
  persons: number,
  showcase: Showcase | null,
): PlannedInclusion | null {
  const year = approvedAt.getUTCFullYear();
  const book = ctx.quotas.get(year);
  if (!book || book.size === 0) return null;
  const forced =
    showcase === 'inclusion_pending' || showcase === 'inclusion_reserved' || showcase === 'inclusion_arrived';
  // Other showcases keep to their own ending.
  if (!forced && (showcase !== null || !rnd.chance(0.7))) return null;
  const requestedOn = addDays(dayOf(approvedAt), rnd.int(3, 20));
  if (requestedOn >= ctx.today) return null;
  const preferred = preferences(rnd, book, state.capacities.get(year)!);
  const inclusion: PlannedInclusion = {
    year,
    requestedAt: officeTime(requestedOn, rnd),
    preferredRegions: preferred,
    persons,
    deadlineDue: addWorkingDays(requestedOn, 10, RULES),
    decision: null,
    settlement: null,
  };
  const decidedOn = addDays(requestedOn, rnd.int(5, 30));
  if (showcase === 'inclusion_pending' || decidedOn >= ctx.today) return inclusion;
  const region = preferred.find((code) => (book.get(code) ?? 0) >= persons);
  if (region === undefined) {
    inclusion.decision = { at: officeTime(decidedOn, rnd), region: preferred[0], included: false };
    return inclusion;
  }
  book.set(region, book.get(region)! - persons);
  inclusion.decision = { at: officeTime(decidedOn, rnd), region, included: true };
  const plannedArrival = addDays(decidedOn, showcase === 'inclusion_reserved' ? 120 : rnd.int(20, 90));
  const actualArrival = addDays(plannedArrival, rnd.int(-5, 10));
  const arrived = showcase !== 'inclusion_reserved' && actualArrival < ctx.today;
  inclusion.settlement = {
    createdAt: officeTime(addDays(decidedOn, rnd.int(0, 5)), rnd),
    plannedArrival,
    arrivedAt: arrived ? officeTime(actualArrival, rnd) : null,
    actualArrival: arrived ? actualArrival : null,
  };
  return inclusion;
}

/** Family `index` of the demo under ctx.seed; takes its quota places from ctx.quotas. */
function planFamily(ctx: PlanContext, state: PlanState, index: number): FamilyPlan {
  const rnd = familyRandom(ctx.seed, index);
  const showcase: Showcase | null = index < SHOWCASE.length ? SHOWCASE[index] : null;
  const lastDay = addDays(ctx.today, -1);
  const year = Number(rnd.weighted(yearWeights(ctx.today)));
  const yearEnd = year === Number(ctx.today.slice(0, 4)) ? lastDay : `${year}-12-31`;
  let created = addDays(`${year}-01-01`, rnd.int(0, daysBetween(`${year}-01-01`, yearEnd)));

  const channel = rnd.weighted(CHANNEL_SHARES);
  const choice = choosePath(rnd, showcase);
  let draft = caseSteps(rnd, choice, channel);
  if (showcase !== null) {
    // Place the case so that the showcase's step is the last one before today.
    const stop = showcaseStop(showcase, draft);
    created = addDays(lastDay, -(stop < 0 ? 0 : draft[stop].day) - SHOWCASE_DAYS_AGO[showcase]);
    draft = draft.slice(0, stop + 1);
  }
  const approve = draft.find((s) => s.transition === 'approve');
  let validTo: string | null = null;
  let validFrom: string | null = null;
  if (approve) {
    const approvedOn = addDays(created, approve.day);
    const status = statusSteps(rnd, choice, approvedOn, approve.day);
    draft = [...draft, ...status.steps];
    validFrom = approvedOn;
    validTo = status.validTo;
  }
  // A showcase moved its case: its year is the one it now starts in.
  const caseYear = Number(created.slice(0, 4));
  const members = family(rnd, state, index, created, caseYear);

  const steps: PlannedStep[] = [];
  let current: ApplicationStatus = 'draft';
  let extended = 0;
  for (const s of draft) {
    const date = addDays(created, s.day);
    if (date >= ctx.today) break;
    steps.push(plannedStep(rnd, s.transition, current, date));
    current = steps[steps.length - 1].to;
    if (s.transition === 'extend') {
      extended++;
      validTo = addPeriod(validTo!, DEFAULT_EXTENSION_RULE.extensionMonths, 'months');
    }
  }
  const createdAt = officeTime(created, rnd);
  if (steps[0] && steps[0].at < createdAt) steps[0].at = new Date(createdAt.getTime() + 60_000);

  const approvedStep = steps.find((s) => s.transition === 'approve');
  let inclusion: PlannedInclusion | null = null;
  if (approvedStep) {
    inclusion = inclusionOf(rnd, ctx, state, approvedStep.at, members.length, showcase);
    // A family in the quota keeps its status (docs/demo-data.md "Quota").
    if (inclusion) {
      while (['revoke', 'expire'].includes(steps[steps.length - 1].transition)) steps.pop();
      current = steps[steps.length - 1].to;
    }
  }
  const isApproved = approvedStep !== undefined;
  const plan: FamilyPlan = {
    index,
    regionCode: rnd.weighted(settlementShares(caseYear)),
    channel,
    createdAt,
    members,
    steps,
    status: current,
    deadline: deadlineOf(current, steps),
    statusValidFrom: isApproved ? validFrom : null,
    statusValidTo: isApproved ? validTo : null,
    extensionCount: isApproved ? extended : 0,
    certificate: isApproved
      ? {
          // Drawn from the seed: a demo needs no secrecy, and must come out the same.
          number: newCertificateNumber(approvedStep.at.getUTCFullYear(), (n) => rnd.int(0, n - 1)),
          issuedOn: dayOf(approvedStep.at),
          revokedAt: steps.find((s) => s.transition === 'revoke')?.at ?? null,
        }
      : null,
    documents: [],
    inclusion,
  };
  plan.documents = documentsOf(rnd, plan, choice.commission);
  return plan;
}

/** Plans `families` families in order, sharing one quota book. */
export function* planDemo(ctx: PlanContext, families: number): Generator<FamilyPlan> {
  const state: PlanState = {
    capacities: new Map([...ctx.quotas].map(([year, regions]) => [year, new Map(regions)])),
    iinSerials: new Map(),
  };
  for (let i = 0; i < families; i++) yield planFamily(ctx, state, i);
}
