import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BENEFIT_FORMULAS,
  BENEFIT_KINDS,
  type BenefitFormula,
  type BenefitKind,
  DEADLINE_UNITS,
  type DeadlineUnit,
  DOCUMENT_CONDITIONS,
  DOCUMENT_SCOPES,
  HOLIDAY_KINDS,
  type HolidayKind,
  LEGAL_GROUND_KINDS,
  type Role,
  ROLES,
  RETENTION_RECORD_KINDS,
  type RetentionRecordKind,
  ADAPTATION_SERVICES,
  type AdaptationService,
  SERVICE_AUDIENCES,
  type ServiceAudience,
  SERVICE_GROUPS,
  type ServiceGroup,
} from '@qonys/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const present = (_: object, value: unknown) => value !== null && value !== undefined;
/** A centre has a name in all three languages or none (the three cities have none). */
const centreGiven = (dto: { centreKk?: unknown; centreRu?: unknown; centreEn?: unknown }) =>
  [dto.centreKk, dto.centreRu, dto.centreEn].some((value) => present(dto, value));

/** Source and validity, which every reference row carries. */
export abstract class ReferenceDto {
  @ApiProperty({ description: 'Legal act or publication the value comes from' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  source: string;

  @ApiPropertyOptional({ nullable: true, example: '2026-01-01' })
  @ValidateIf(present)
  @Matches(ISO_DATE, { message: 'validation.is_date' })
  @IsISO8601({ strict: true }, { message: 'validation.day_exists' })
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-12-31' })
  @ValidateIf(present)
  @Matches(ISO_DATE, { message: 'validation.is_date' })
  @IsISO8601({ strict: true }, { message: 'validation.day_exists' })
  validTo?: string | null;
}

abstract class NamedReferenceDto extends ReferenceDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  nameKk: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  nameRu: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  nameEn: string;
}

export class RegionDto extends NamedReferenceDto {
  @ApiProperty({ example: '55', description: 'ISO 3166-2:KZ number = 2-digit KATO prefix' })
  @Matches(/^\d{2}$/, { message: 'validation.kato_code' })
  code: string;

  @ApiPropertyOptional({ nullable: true, description: 'Required with the other two languages' })
  @Transform(trim)
  @ValidateIf(centreGiven)
  @IsString()
  @Length(1, 200)
  centreKk?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Required with the other two languages' })
  @Transform(trim)
  @ValidateIf(centreGiven)
  @IsString()
  @Length(1, 200)
  centreRu?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Required with the other two languages' })
  @Transform(trim)
  @ValidateIf(centreGiven)
  @IsString()
  @Length(1, 200)
  centreEn?: string | null;

  @ApiProperty({ type: [Number], example: [2025, 2026] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1990, { each: true })
  @Max(2200, { each: true })
  settlementYears: number[];
}

export class MciRateDto extends ReferenceDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(1990)
  @Max(2200)
  year: number;

  @ApiProperty({ example: 4325, description: 'Tenge' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  amount: number;
}

export class HolidayDto extends NamedReferenceDto {
  @ApiProperty({ enum: HOLIDAY_KINDS })
  @IsIn(HOLIDAY_KINDS)
  kind: HolidayKind;

  @ApiPropertyOptional({ nullable: true, description: 'For kind fixed' })
  @ValidateIf((dto: HolidayDto) => dto.kind === 'fixed')
  @IsInt({ message: 'validation.fixed_holiday' })
  @Min(1)
  @Max(12)
  month?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'For kind fixed' })
  @ValidateIf((dto: HolidayDto) => dto.kind === 'fixed')
  @IsInt({ message: 'validation.fixed_holiday' })
  @Min(1)
  @Max(31)
  day?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'For kinds dated and working_day' })
  @ValidateIf((dto: HolidayDto) => dto.kind !== 'fixed')
  @Matches(ISO_DATE, { message: 'validation.is_date' })
  @IsISO8601({ strict: true }, { message: 'validation.day_exists' })
  date?: string | null;

  @ApiProperty()
  @IsBoolean()
  movesIfWeekend: boolean;
}

export class DeadlineSettingDto extends NamedReferenceDto {
  @ApiProperty({ example: 'completeness_check' })
  @Matches(/^[a-z][a-z0-9_]{1,62}$/, { message: 'validation.key' })
  key: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(3650)
  amount: number;

  @ApiProperty({ enum: DEADLINE_UNITS })
  @IsIn(DEADLINE_UNITS)
  unit: DeadlineUnit;
}

/** Whether a role must log in with a second factor (docs/accounts.md). */
export class MfaPolicyDto extends ReferenceDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty()
  @IsBoolean()
  mfaRequired: boolean;
}

/** An item of the per-case document checklist. */
export class DocumentTypeDto extends NamedReferenceDto {
  @ApiProperty({ example: 'identity_document' })
  @Matches(/^[a-z][a-z0-9_]{1,62}$/, { message: 'validation.key' })
  key: string;

  @ApiProperty({ enum: DOCUMENT_SCOPES, description: 'One document for the case, or one for each family member' })
  @IsIn(DOCUMENT_SCOPES)
  scope: (typeof DOCUMENT_SCOPES)[number];

  @ApiProperty({ description: 'Approval waits for a verified document of every required item' })
  @IsBoolean()
  required: boolean;

  @ApiProperty({ enum: DOCUMENT_CONDITIONS, description: 'When the item applies to a case' })
  @IsIn(DOCUMENT_CONDITIONS)
  condition: (typeof DOCUMENT_CONDITIONS)[number];

  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  sortOrder: number;
}

/** A ground for refusing to accept, rejecting or revoking. */
export class LegalGroundDto extends NamedReferenceDto {
  @ApiProperty({ enum: LEGAL_GROUND_KINDS })
  @IsIn(LEGAL_GROUND_KINDS)
  kind: (typeof LEGAL_GROUND_KINDS)[number];

  @ApiProperty({ example: 'incomplete_documents' })
  @Matches(/^[a-z][a-z0-9_]{1,62}$/, { message: 'validation.key' })
  code: string;

  @ApiProperty({ description: 'The legal basis, as the reader sees it' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  sourceKk: string;

  @ApiProperty({ description: 'The legal basis, as the reader sees it' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  sourceRu: string;

  @ApiProperty({ description: 'The legal basis, as the reader sees it' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  sourceEn: string;
}

/** A retention period: the kind of record and how many years after the case closes it is kept. */
export class RetentionRuleDto extends NamedReferenceDto {
  @ApiProperty({ enum: RETENTION_RECORD_KINDS })
  @IsIn(RETENTION_RECORD_KINDS)
  recordKind: RetentionRecordKind;

  @ApiProperty({ example: 5, description: 'Years after the case closed' })
  @IsInt()
  @Min(1)
  @Max(100)
  keepYears: number;
}

/** A term applies to its formulas only (BENEFIT_FORMULA_FIELDS); the others are cleared. */
const forFormula =
  (...formulas: BenefitFormula[]) =>
  (dto: { formula?: unknown }): boolean =>
    formulas.includes(dto.formula as BenefitFormula);
/** price_share: at least one cap, in MCI or in tenge. */
const given = (value: unknown) => value !== null && value !== undefined;
const capNeeded = (dto: { formula?: unknown; capMci?: unknown; capKzt?: unknown }): boolean =>
  forFormula('price_share')(dto) && (given(dto.capMci) || !given(dto.capKzt));

export class BenefitRuleDto extends NamedReferenceDto {
  @ApiProperty({ enum: BENEFIT_KINDS })
  @IsIn(BENEFIT_KINDS)
  kind: BenefitKind;

  @ApiProperty({ enum: BENEFIT_FORMULAS })
  @IsIn(BENEFIT_FORMULAS)
  formula: BenefitFormula;

  @ApiPropertyOptional({ nullable: true, example: 70, description: 'per_person: MCI for the head of the family' })
  @ValidateIf(forFormula('per_person'))
  @IsInt()
  @Min(0)
  @Max(100_000)
  mciHead?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 70, description: 'per_person: MCI for each other member' })
  @ValidateIf(forFormula('per_person'))
  @IsInt()
  @Min(0)
  @Max(100_000)
  mciPerMember?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 15, description: 'monthly_range: least MCI per family per month' })
  @ValidateIf(forFormula('monthly_range'))
  @IsInt()
  @Min(0)
  @Max(100_000)
  mciMin?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 30, description: 'monthly_range: most MCI per family per month' })
  @ValidateIf(forFormula('monthly_range'))
  @IsInt()
  @Min(0)
  @Max(100_000)
  mciMax?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 12, description: 'monthly_range: months paid' })
  @ValidateIf(forFormula('monthly_range'))
  @IsInt()
  @Min(1)
  @Max(120)
  months?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 400, description: 'fixed: MCI once' })
  @ValidateIf(forFormula('fixed'))
  @IsInt()
  @Min(0)
  @Max(100_000)
  mciFixed?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 50, description: 'price_share: percent of the price' })
  @ValidateIf(forFormula('price_share'))
  @IsInt()
  @Min(1)
  @Max(100)
  sharePercent?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 1160, description: 'price_share: cap in MCI' })
  @ValidateIf(capNeeded)
  @IsInt()
  @Min(1)
  @Max(100_000)
  capMci?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 4_000_000, description: 'price_share: cap in tenge' })
  @ValidateIf((dto: BenefitRuleDto) => forFormula('price_share')(dto) && given(dto.capKzt))
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  capKzt?: number | null;

  @ApiProperty({ description: 'The figure comes from a report, not the act: shown as unconfirmed' })
  @IsBoolean()
  unconfirmed: boolean;
}

/** Each update carries the version it was based on. */
export class UpdateRegionDto extends RegionDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
export class UpdateMciRateDto extends MciRateDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
export class UpdateHolidayDto extends HolidayDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
export class UpdateDeadlineSettingDto extends DeadlineSettingDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
export class UpdateMfaPolicyDto extends MfaPolicyDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
export class UpdateDocumentTypeDto extends DocumentTypeDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
export class UpdateLegalGroundDto extends LegalGroundDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
export class UpdateRetentionRuleDto extends RetentionRuleDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
/** An adaptation or integration service (docs/integration-services.md). */
export class ServiceTypeDto extends NamedReferenceDto {
  @ApiProperty({ example: 'kazakh_language' })
  @Matches(/^[a-z][a-z0-9_]{1,62}$/, { message: 'validation.key' })
  code: string;

  @ApiProperty({ enum: SERVICE_GROUPS })
  @IsIn(SERVICE_GROUPS)
  serviceGroup: ServiceGroup;

  @ApiProperty({
    enum: SERVICE_AUDIENCES,
    description: 'Whom a plan gives it to: the family, or each member of an age band',
  })
  @IsIn(SERVICE_AUDIENCES)
  audience: ServiceAudience;

  @ApiPropertyOptional({
    enum: ADAPTATION_SERVICES,
    nullable: true,
    description: 'The inclusion choice a plan starts it from',
  })
  @ValidateIf(present)
  @IsIn(ADAPTATION_SERVICES)
  inclusionService?: AdaptationService | null;

  @ApiProperty({ example: 5, description: 'Working days a provider has to answer a referral' })
  @IsInt()
  @Min(1)
  @Max(60)
  responseWorkingDays: number;
}

export class UpdateServiceTypeDto extends ServiceTypeDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class UpdateBenefitRuleDto extends BenefitRuleDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
