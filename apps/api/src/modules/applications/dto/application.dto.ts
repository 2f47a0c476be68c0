import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type Channel,
  CHANNELS,
  CORRESPONDENCE_LANGUAGES,
  type CorrespondenceLanguage,
  type Relation,
  RELATIONS,
} from '@qonys/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Min,
  ValidateIf,
} from 'class-validator';
import { NestedList } from '../../../common/input/nested-list';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const present = (_: object, value: unknown) => value !== null && value !== undefined;

/** Families are large, but not this large: a bound on one request's work. */
export const MAX_MEMBERS = 50;
export const MAX_BULK_IDS = 500;

export class MemberDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  personId: number;

  @ApiProperty({ enum: RELATIONS })
  @IsIn(RELATIONS)
  relation: Relation;
}

/** POST /applications: a draft for a family. */
export class CreateApplicationDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ description: 'The applicant; added as a member with relation "applicant" when not listed' })
  @IsInt()
  @Min(1)
  applicantId: number;

  @ApiPropertyOptional({ type: [MemberDto] })
  @IsOptional()
  @ArrayMaxSize(MAX_MEMBERS)
  @NestedList(() => MemberDto)
  members?: MemberDto[];

  @ApiPropertyOptional({
    enum: CORRESPONDENCE_LANGUAGES,
    description: 'The language of messages to the family; default kk',
  })
  @IsOptional()
  @IsIn(CORRESPONDENCE_LANGUAGES)
  correspondenceLanguage?: CorrespondenceLanguage;

  @ApiPropertyOptional({ nullable: true, description: 'A caseworker of the case region' })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  assignedToId?: number | null;

  @ApiPropertyOptional({ description: 'Admins only; region-scoped callers file in their own region' })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  regionId?: number | null;
}

/** PUT /applications/:id: the editable fields (members change through /members while a draft). */
export class UpdateApplicationDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiPropertyOptional({
    enum: CORRESPONDENCE_LANGUAGES,
    description: 'The language of messages to the family; omit to keep',
  })
  @IsOptional()
  @IsIn(CORRESPONDENCE_LANGUAGES)
  correspondenceLanguage?: CorrespondenceLanguage;

  @ApiPropertyOptional({ nullable: true, description: 'Omit to keep, null to unassign' })
  @IsOptional()
  @IsInt()
  @Min(1)
  assignedToId?: number | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class AddMemberDto extends MemberDto {}

export class TransitionDto {
  @ApiProperty({ enum: APPLICATION_STATUSES })
  @IsIn(APPLICATION_STATUSES)
  to: ApplicationStatus;

  @ApiPropertyOptional()
  @Transform(trim)
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  comment?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  legalGroundId?: number | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class NoteDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 4000)
  comment: string;
}

/** POST /applications/assign: one assignee (or none) for many cases. */
export class BulkAssignDto {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_IDS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids: number[];

  @ApiProperty({ nullable: true, type: Number })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  assignedToId: number | null;
}
