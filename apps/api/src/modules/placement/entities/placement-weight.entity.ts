import type { PlacementWeightKey } from '@qonys/domain';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** The weight of one placement criterion; admins edit it. */
@Entity('placement_weight')
export class PlacementWeight {
  @PrimaryColumn({ type: 'varchar' })
  key: PlacementWeightKey;

  @Column({ type: 'numeric', transformer: numeric })
  weight: number;

  @Column({ type: 'int', default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
