import {
  AUDIT_ACTIONS,
  ENTITY_NAMES_EN,
  ENTITY_TYPES,
  MESSAGES,
  type AuditAction,
  type EntityType,
  type MessageCode,
} from '@qonys/domain';

/** The server's catalogue template `{name}` as a polyglot phrase `%{name}`. */
const phrase = (template: string): string => template.replace(/\{(\w+)\}/g, '%{$1}');

/** Templates the server also needs (libs/domain), as polyglot phrases. */
export const polyglotTemplates = <Code extends MessageCode>(templates: Record<Code, string>): Record<Code, string> =>
  Object.fromEntries(Object.entries<string>(templates).map(([code, template]) => [code, phrase(template)])) as Record<
    Code,
    string
  >;

/** What this file's kk and ru siblings must each provide. */
export interface ServerMessages {
  /** Every catalogue code (libs/domain messages.ts), keyed by the code itself. */
  server: Record<MessageCode, string>;
  names: {
    entities: Record<EntityType, string>;
    audit_actions: Record<AuditAction, string>;
    reservation_statuses: Record<'reserved' | 'released' | 'settled', string>;
  };
}

const AUDIT_ACTIONS_EN: Record<AuditAction, string> = {
  'access.denied': 'Access refused',
  'application.assign': 'Case assigned',
  'application.create': 'Case registered',
  'application.list': 'Cases listed',
  'application.member_add': 'Family member added',
  'application.member_remove': 'Family member removed',
  'application.note': 'Note added',
  'application.timeline_view': 'Case history viewed',
  'application.transition': 'Case status changed',
  'application.update': 'Case changed',
  'application.view': 'Case viewed',
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.logout': 'Signed out',
  'auth.mfa_changed': 'Authenticator replaced',
  'auth.mfa_enrolled': 'Two-factor login set up',
  'auth.mfa_removed': 'Two-factor login turned off',
  'auth.password_changed': 'Password changed',
  'auth.refresh_token_reused': 'Reused session token refused',
  'certificate.download': 'Certificate downloaded',
  'deadline_setting.create': 'Deadline setting created',
  'deadline_setting.update': 'Deadline setting changed',
  'demo_data.generate': 'Demo data generated',
  'decision_letter.download': 'Decision letter downloaded',
  'document.review': 'Document reviewed',
  'document.upload': 'Document uploaded',
  'document.view': 'Document viewed',
  'document_type.create': 'Document type created',
  'document_type.update': 'Document type changed',
  'holiday.create': 'Holiday created',
  'holiday.update': 'Holiday changed',
  'inclusion_request.create': 'Inclusion requested',
  'inclusion_request.include': 'Family included in the quota',
  'inclusion_request.refuse': 'Inclusion refused',
  'inclusion_request.withdraw': 'Inclusion request withdrawn',
  'applicant_message.retry': 'Message to an applicant sent again',
  'job_run.create': 'Job run started',
  'list.export': 'Rows of a list exported',
  'list.export_download': 'Export file downloaded',
  'labour_demand.create': 'Labour demand created',
  'labour_demand.import': 'Labour demand imported',
  'labour_demand.update': 'Labour demand changed',
  'legal_ground.create': 'Legal ground created',
  'legal_ground.update': 'Legal ground changed',
  'legal_status_step.create': 'Residence or citizenship application recorded',
  'legal_status_step.decide': 'Residence or citizenship decision recorded',
  'mci_rate.create': 'MCI rate created',
  'mci_rate.update': 'MCI rate changed',
  'mfa_policy.create': 'Two-factor policy created',
  'mfa_policy.update': 'Two-factor policy changed',
  'person.create': 'Person registered',
  'person.duplicates_view': 'Possible duplicates viewed',
  'person.erase': 'Personal data erased',
  'person.list': 'Persons listed or searched',
  'person.mark_distinct': 'Persons marked as different people',
  'person.merge': 'Person merged into another',
  'person.merge_into': 'Person kept in a merge',
  'person.probe': 'Person of another region named',
  'person.update': 'Person changed',
  'person.view': 'Person viewed',
  'payment_batch.bank_result': 'Bank result imported',
  'payment_batch.close': 'Payment batch closed',
  'payment_batch.create': 'Payment batch opened',
  'payment_batch.register': 'Bank register taken',
  'placement_batch.accept': 'Placement batch accepted',
  'placement_batch.create': 'Placement batch started',
  'placement_proposal.override': 'Placement proposal changed',
  'placement_weight.update': 'Placement weights changed',
  'quota.capacity_change': 'Quota capacity changed',
  'quota.create': 'Quota created',
  'region.create': 'Region created',
  'region.update': 'Region changed',
  'region_capacity.create': 'Region capacity created',
  'region_capacity.update': 'Region capacity changed',
  'retention_rule.create': 'Retention rule created',
  'benefit_rule.create': 'Benefit rule created',
  'benefit_rule.update': 'Benefit rule changed',
  'retention_rule.update': 'Retention rule changed',
  'reservation.release': 'Places released',
  'reservation.reserve': 'Places reserved',
  'reservation.settle': 'Family settled',
  'settlement.arrival': 'Arrival confirmed',
  'settlement.cancel': 'Settlement cancelled',
  'settlement.create': 'Settlement planned',
  'settlement.depart': 'Departure from the settlement region recorded',
  'settlement.move': 'Settlement moved to another region',
  'settlement.update': 'Settlement changed',
  'support_payment.approve': 'Support payment approved',
  'support_payment.cancel': 'Support payment cancelled',
  'support_payment.create': 'Support payment prepared',
  'support_payment.fail': 'Support payment failed at the bank',
  'support_payment.pay': 'Support payment paid',
  'support_payment.reconcile': 'Support payment reconciled',
  'support_payment.send': 'Support payment sent to the bank',
  'support_recovery.create': 'Support to be returned: task raised',
  'support_recovery.resolve': 'Support recovery closed',
  'transfer_request.accept': 'Transfer accepted',
  'transfer_request.create': 'Transfer requested',
  'transfer_request.decline': 'Transfer declined',
  'transfer_request.expire': 'Transfer request closed',
  'transfer_request.withdraw': 'Transfer request withdrawn',
  'outcome_follow_up.create': 'Outcome follow-ups created',
  'outcome_follow_up.record': 'Outcome follow-up recorded',
  'adaptation_plan.create': 'Adaptation plan started',
  'arrivals_history.import': 'Arrivals history imported',
  'import_run.complete': 'Import run ended',
  'import_run.errors_download': 'Rows with errors of an import downloaded',
  'adaptation_plan.item_add': 'Service added to a plan',
  'referral.accept': 'Referral accepted',
  'referral.cancel': 'Referral cancelled',
  'referral.complete': 'Service completed',
  'referral.create': 'Referral sent',
  'referral.enrol': 'Enrolled',
  'referral.reject': 'Referral turned down',
  'referral.waitlist': 'Put on the waiting list',
  'service_provider.create': 'Service provider added',
  'service_provider.update': 'Service provider changed',
  'service_type.create': 'Service type added',
  'service_type.update': 'Service type changed',
  'statistics_release.publish': 'Statistics release published',
  'user.create': 'User created',
  'user.password_reset': 'Password reset',
  'user.update': 'User changed',
  'work_list.view': 'Work list naming families viewed',
};

/** English: the catalogue's own templates, so the two cannot drift apart. */
export const messagesEn: ServerMessages = {
  server: Object.fromEntries(Object.entries(MESSAGES).map(([code, template]) => [code, phrase(template)])) as Record<
    MessageCode,
    string
  >,
  names: {
    entities: ENTITY_NAMES_EN,
    audit_actions: AUDIT_ACTIONS_EN,
    reservation_statuses: { reserved: 'reserved', released: 'released', settled: 'settled' },
  },
};

/** The lists the completeness test walks. */
export const MESSAGE_LISTS = {
  codes: Object.keys(MESSAGES) as MessageCode[],
  entities: ENTITY_TYPES,
  actions: AUDIT_ACTIONS,
};
