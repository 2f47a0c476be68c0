import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Length, Min, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const present = (_: object, value: unknown) => value !== null && value !== undefined && value !== '';

/** POST /adaptation-plans: starts the plan of an included family from its inclusion choices. */
export class StartPlanDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  applicationId: number;
}

/** POST /adaptation-plans/:id/items: a service for the family or one member. */
export class AddPlanItemDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  serviceTypeId: number;

  @ApiPropertyOptional({ nullable: true, description: 'The member it is for; none: the whole family' })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  personId?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @Length(1, 1000)
  note?: string | null;
}
