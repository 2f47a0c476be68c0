import { Column, Entity } from 'typeorm';
import { ReferenceRecord } from './reference-record';

/** The monthly calculation index (MCI) of a year, in tenge, set by the budget law. */
@Entity('mci_rate')
export class MciRate extends ReferenceRecord {
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  amount: number;
}
