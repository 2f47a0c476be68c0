import type { Role } from '@qonys/domain';
import { Column, Entity } from 'typeorm';
import { ReferenceRecord } from './reference-record';

/** Whether users of a role must log in with a second factor, dated and editable (docs/accounts.md). */
@Entity('mfa_policy')
export class MfaPolicy extends ReferenceRecord {
  @Column({ type: 'varchar' })
  role: Role;

  @Column({ type: 'boolean' })
  mfaRequired: boolean;
}
