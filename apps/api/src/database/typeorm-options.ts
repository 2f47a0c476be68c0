import type { DataSourceOptions } from 'typeorm';
import { ImportRun } from '../modules/imports/entities/import-run.entity';
import { Application } from '../modules/applications/entities/application.entity';
import { ApplicationEvent } from '../modules/applications/entities/application-event.entity';
import { ApplicationMember } from '../modules/applications/entities/application-member.entity';
import { Certificate } from '../modules/applications/entities/certificate.entity';
import { AuditCheckpoint } from '../modules/audit/entities/audit-checkpoint.entity';
import { AuditEvent } from '../modules/audit/entities/audit-event.entity';
import { AuthSession } from '../modules/auth/entities/auth-session.entity';
import { MfaRecoveryCode } from '../modules/auth/entities/mfa-recovery-code.entity';
import { Document } from '../modules/documents/entities/document.entity';
import { InclusionRequest } from '../modules/inclusion/entities/inclusion-request.entity';
import { JobRun } from '../modules/jobs/entities/job-run.entity';
import { LabourDemand } from '../modules/placement/entities/labour-demand.entity';
import { PlacementBatch } from '../modules/placement/entities/placement-batch.entity';
import { PlacementProposal } from '../modules/placement/entities/placement-proposal.entity';
import { PlacementWeight } from '../modules/placement/entities/placement-weight.entity';
import { RegionCapacity } from '../modules/placement/entities/region-capacity.entity';
import { Person } from '../modules/persons/entities/person.entity';
import { Quota } from '../modules/quotas/entities/quota.entity';
import { QuotaLedgerEntry } from '../modules/quotas/entities/quota-ledger-entry.entity';
import { Reservation } from '../modules/quotas/entities/reservation.entity';
import { DeadlineSetting } from '../modules/reference-data/entities/deadline-setting.entity';
import { MfaPolicy } from '../modules/reference-data/entities/mfa-policy.entity';
import { DocumentType } from '../modules/reference-data/entities/document-type.entity';
import { LegalGround } from '../modules/reference-data/entities/legal-ground.entity';
import { Holiday } from '../modules/reference-data/entities/holiday.entity';
import { MciRate } from '../modules/reference-data/entities/mci-rate.entity';
import { Region } from '../modules/reference-data/entities/region.entity';
import { RetentionRule } from '../modules/reference-data/entities/retention-rule.entity';
import { BenefitRule } from '../modules/reference-data/entities/benefit-rule.entity';
import { Settlement } from '../modules/settlements/entities/settlement.entity';
import { PaymentBatch } from '../modules/support-payments/entities/payment-batch.entity';
import { SupportPayment } from '../modules/support-payments/entities/support-payment.entity';
import { TransferRequest } from '../modules/transfers/entities/transfer-request.entity';
import { User } from '../modules/users/entities/user.entity';
import { Foundation1764000000000 } from './migrations/1764000000000-foundation';
import { SearchIndexes1764000000001 } from './migrations/1764000000001-search-indexes';
import { Applications1764000000002 } from './migrations/1764000000002-applications';
import { MfaLastStep1764000000003 } from './migrations/1764000000003-mfa-last-step';
import { QuotasAndSettlement1764000000004 } from './migrations/1764000000004-quotas-and-settlement';
import { LocalizedReferenceNames1764000000005 } from './migrations/1764000000005-localized-reference-names';
import { MessagesAsCodes1764000000006 } from './migrations/1764000000006-messages-as-codes';
import { InclusionVisibilityIndexes1764000000007 } from './migrations/1764000000007-inclusion-visibility-indexes';
import { RussianRegionNames1764000000011 } from './migrations/1764000000011-russian-region-names';
import { KeyedAuditChain1764000000012 } from './migrations/1764000000012-keyed-audit-chain';
import { JobQueueSchema1764000000013 } from './migrations/1764000000013-job-queue-schema';
import { PersonAccess1764000000014 } from './migrations/1764000000014-person-access';
import { PersonDataKeys1764000000015 } from './migrations/1764000000015-person-data-keys';
import { RetentionRules1764000000016 } from './migrations/1764000000016-retention-rules';
import { SharedRateLimits1764000000040 } from './migrations/1764000000040-shared-rate-limits';
import { AccountProtection1764000000017 } from './migrations/1764000000017-account-protection';
import { JobRuns1764000000018 } from './migrations/1764000000018-job-runs';
import { TransferRequests1764000000019 } from './migrations/1764000000019-transfer-requests';
import { StatusValidityIndex1764000000024 } from './migrations/1764000000024-status-validity-index';
import { BenefitRules1764000000025 } from './migrations/1764000000025-benefit-rules';
import { IntegrationServices1764000000026 } from './migrations/1764000000026-integration-services';
import { AdaptationPlan } from '../modules/integration-services/entities/adaptation-plan.entity';
import { Referral } from '../modules/integration-services/entities/referral.entity';
import { ServiceProvider } from '../modules/integration-services/entities/service-provider.entity';
import { ServiceType } from '../modules/reference-data/entities/service-type.entity';
import { ApplicantMessages1764000000031 } from './migrations/1764000000031-applicant-messages';
import { ApplicantMessage } from '../modules/applicant-messages/entities/applicant-message.entity';
import { SupportPayments1764000000027 } from './migrations/1764000000027-support-payments';
import { OutcomeFollowUps1764000000028 } from './migrations/1764000000028-outcome-follow-ups';
import { RentInstalments1764000000029 } from './migrations/1764000000029-rent-instalments';
import { LegalStatusSteps1764000000030 } from './migrations/1764000000030-legal-status-steps';
import { StaffNotifications1764000000032 } from './migrations/1764000000032-staff-notifications';
import { ResidenceObligation1764000000033 } from './migrations/1764000000033-residence-obligation';
import { StatisticsReleases1764000000036 } from './migrations/1764000000036-statistics-releases';
import { ImportRuns1764000000038 } from './migrations/1764000000038-import-runs';
import { MonitoringAggregates1764000000034 } from './migrations/1764000000034-monitoring-aggregates';
import { OutcomeFollowUp } from '../modules/integration-services/entities/outcome-follow-up.entity';
import { LegalStatusStep } from '../modules/legal-status/entities/legal-status-step.entity';
import { SupportRecovery } from '../modules/support-payments/entities/support-recovery.entity';
import { StaffNotification } from '../modules/notifications/entities/staff-notification.entity';
import { ArrivalsHistory } from '../modules/forecasts/entities/arrivals-history.entity';
import { ArrivalForecasts1764000000035 } from './migrations/1764000000035-arrival-forecasts';
import { ListIndexes1764000000037 } from './migrations/1764000000037-list-indexes';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Entities and migrations are listed explicitly: no globs over compiled output. */
export const ENTITIES = [
  User,
  AuthSession,
  MfaRecoveryCode,
  AuditEvent,
  AuditCheckpoint,
  Region,
  MciRate,
  Holiday,
  DeadlineSetting,
  MfaPolicy,
  DocumentType,
  LegalGround,
  RetentionRule,
  BenefitRule,
  Person,
  Application,
  ApplicationMember,
  ApplicationEvent,
  Certificate,
  Document,
  Quota,
  QuotaLedgerEntry,
  Reservation,
  InclusionRequest,
  Settlement,
  LabourDemand,
  RegionCapacity,
  PlacementWeight,
  PlacementBatch,
  PlacementProposal,
  TransferRequest,
  JobRun,
  ImportRun,
  ServiceType,
  ServiceProvider,
  AdaptationPlan,
  Referral,
  PaymentBatch,
  SupportPayment,
  OutcomeFollowUp,
  LegalStatusStep,
  SupportRecovery,
  StaffNotification,
  ApplicantMessage,
  ArrivalsHistory,
];
export const MIGRATIONS = [
  Foundation1764000000000,
  SearchIndexes1764000000001,
  Applications1764000000002,
  MfaLastStep1764000000003,
  QuotasAndSettlement1764000000004,
  LocalizedReferenceNames1764000000005,
  MessagesAsCodes1764000000006,
  InclusionVisibilityIndexes1764000000007,
  RussianRegionNames1764000000011,
  KeyedAuditChain1764000000012,
  JobQueueSchema1764000000013,
  PersonAccess1764000000014,
  PersonDataKeys1764000000015,
  RetentionRules1764000000016,
  AccountProtection1764000000017,
  JobRuns1764000000018,
  TransferRequests1764000000019,
  StatusValidityIndex1764000000024,
  BenefitRules1764000000025,
  IntegrationServices1764000000026,
  SupportPayments1764000000027,
  OutcomeFollowUps1764000000028,
  RentInstalments1764000000029,
  LegalStatusSteps1764000000030,
  StaffNotifications1764000000032,
  ResidenceObligation1764000000033,
  ApplicantMessages1764000000031,
  ArrivalForecasts1764000000035,
  StatisticsReleases1764000000036,
  ImportRuns1764000000038,
  MonitoringAggregates1764000000034,
  ListIndexes1764000000037,
  SharedRateLimits1764000000040,
];

export function typeormOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: ['error'],
    // JIT compiles for seconds where an OLTP query runs in milliseconds (docs/lists.md);
    // the embedded PGlite accepts the option and has no JIT anyway.
    extra: { max: poolSize, options: '-c jit=off' },
  };
}
