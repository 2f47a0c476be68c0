import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEGAL_STEP_DECISIONS, LEGAL_STEP_KINDS, type LegalStepDecision, type LegalStepKind } from '@qonys/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** POST /api/legal-status-steps: a member applied for permanent residence or citizenship. */
export class CreateLegalStatusStepDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  applicationId: number;

  @ApiProperty({ description: 'The member who applied' })
  @IsInt()
  @Min(1)
  personId: number;

  @ApiProperty({ enum: LEGAL_STEP_KINDS })
  @IsIn(LEGAL_STEP_KINDS)
  kind: LegalStepKind;

  @ApiProperty({ example: '2026-09-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.is_date' })
  @IsISO8601({ strict: true }, { message: 'validation.day_exists' })
  appliedOn: string;

  @ApiProperty({ description: 'The migration service unit that took the application' })
  @Transform(trim)
  @IsString()
  @Length(2, 300)
  authority: string;
}

/** POST /api/legal-status-steps/:id/decision: the authority's answer. */
export class DecideLegalStatusStepDto {
  @ApiProperty({ enum: LEGAL_STEP_DECISIONS })
  @IsIn(LEGAL_STEP_DECISIONS)
  decision: LegalStepDecision;

  @ApiProperty({ example: '2026-11-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.is_date' })
  @IsISO8601({ strict: true }, { message: 'validation.day_exists' })
  decidedOn: string;

  @ApiPropertyOptional({ description: 'The number of the decision or of the document issued' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  reference?: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}
