import type { AdaptationService, ServiceAudience, ServiceGroup } from '@qonys/domain';
import { Column, Entity } from 'typeorm';
import { ReferenceRecord } from './reference-record';

/** An adaptation or integration service, in the law's groups (docs/integration-services.md). */
@Entity('service_type')
export class ServiceType extends ReferenceRecord {
  @Column({ type: 'varchar' })
  code: string;

  @Column({ type: 'varchar' })
  serviceGroup: ServiceGroup;

  /** Whom a plan gives the service to: the family once, or each member of an age band. */
  @Column({ type: 'varchar' })
  audience: ServiceAudience;

  /** The inclusion request's service choice this type starts a plan from. */
  @Column({ type: 'varchar', nullable: true })
  inclusionService: AdaptationService | null;

  /** Working days a provider has to answer a referral. */
  @Column({ type: 'int' })
  responseWorkingDays: number;

  @Column({ type: 'varchar' })
  nameKk: string;

  @Column({ type: 'varchar' })
  nameRu: string;

  @Column({ type: 'varchar' })
  nameEn: string;
}
