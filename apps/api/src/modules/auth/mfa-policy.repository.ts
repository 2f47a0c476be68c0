import { Injectable } from '@nestjs/common';
import { readsPersonalData, type Role, todayInKazakhstan } from '@qonys/domain';
import type { EntityManager } from 'typeorm';
import { MfaPolicy } from '../reference-data/entities/mfa-policy.entity';

/** The two-factor policy in force today for a role. */
@Injectable()
export class MfaPolicyRepository {
  /** The row valid today (the latest start wins); without one, every role that reads personal data. */
  async requiredFor(manager: EntityManager, role: Role): Promise<boolean> {
    const today = todayInKazakhstan();
    const row = await manager
      .getRepository(MfaPolicy)
      .createQueryBuilder('p')
      .where('p.role = :role', { role })
      .andWhere('(p.valid_from IS NULL OR p.valid_from <= :today)', { today })
      .andWhere('(p.valid_to IS NULL OR p.valid_to >= :today)', { today })
      .orderBy('p.valid_from', 'DESC', 'NULLS LAST')
      .getOne();
    return row ? row.mfaRequired : readsPersonalData(role);
  }
}
