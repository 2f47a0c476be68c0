import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EDUCATION_LEVELS,
  ERASURE_REASONS,
  type ErasureReason,
  ID_DOCUMENT_TYPES,
  isCountryCode,
  isLanguageCode,
  normaliseKazakhText,
  SEXES,
} from '@qonys/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsEmail,
  IsInt,
  IsISO8601,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

/** Every text input is cleaned as Kazakh text; an optional one left empty is null. */
const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseKazakhText(value) : value);
const optionalText = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normaliseKazakhText(value) || null : value;
const code =
  (toCase: 'upper' | 'lower') =>
  ({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const cleaned = normaliseKazakhText(value);
    if (cleaned === '') return null;
    return toCase === 'upper' ? cleaned.toUpperCase() : cleaned.toLowerCase();
  };
const textList = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((item) => (typeof item === 'string' ? normaliseKazakhText(item) : item)).filter((item) => item !== '')
    : value;
const codeList = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((item) => (typeof item === 'string' ? normaliseKazakhText(item).toLowerCase() : item))
    : value;

/** An address as typed, without spaces around it; empty is none. */
const optionalEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const present = (_: object, value: unknown) => value !== null && value !== undefined;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const HAS_LETTER = /\p{L}/u;

/** The code lists live in libs/domain (world-codes.ts): withdrawn codes such as YU or ZR are refused. */
const IsCountryCode = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isCountryCode', validator: { validate: isCountryCode } }, options);
const IsLanguageCode = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isLanguageCode', validator: { validate: isLanguageCode } }, options);

/** POST /persons. The Latin names are generated from the Cyrillic ones when left out. */
export class CreatePersonDto {
  @ApiProperty({ example: 'Сейітов' })
  @Transform(text)
  @IsString()
  @Length(1, 100)
  @Matches(HAS_LETTER, { message: 'validation.has_letters' })
  surname: string;

  @ApiProperty({ example: 'Нұрлан' })
  @Transform(text)
  @IsString()
  @Length(1, 100)
  @Matches(HAS_LETTER, { message: 'validation.has_letters' })
  givenName: string;

  @ApiPropertyOptional({ nullable: true, example: 'Қайратұлы' })
  @Transform(optionalText)
  @ValidateIf(present)
  @IsString()
  @Length(1, 100)
  patronymic?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Generated from surname when left out', example: 'Seiıtov' })
  @Transform(optionalText)
  @ValidateIf(present)
  @IsString()
  @Length(1, 100)
  @Matches(HAS_LETTER, { message: 'validation.has_letters' })
  surnameLatin?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Generated from givenName when left out', example: 'Nūrlan' })
  @Transform(optionalText)
  @ValidateIf(present)
  @IsString()
  @Length(1, 100)
  @Matches(HAS_LETTER, { message: 'validation.has_letters' })
  givenNameLatin?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Generated from patronymic when left out' })
  @Transform(optionalText)
  @ValidateIf(present)
  @IsString()
  @Length(1, 100)
  patronymicLatin?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'Earlier or foreign spellings, e.g. as in the passport',
    example: ['SEITOV NURLAN'],
  })
  @Transform(textList)
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  otherSpellings?: string[];

  @ApiProperty({ example: '1985-03-15' })
  @Matches(ISO_DATE, { message: 'validation.is_date' })
  @IsISO8601({ strict: true }, { message: 'validation.day_exists' })
  birthDate: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex: (typeof SEXES)[number];

  @ApiPropertyOptional({ nullable: true, description: '12 digits; checked against birthDate and sex' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s/g, '') || null : value))
  @ValidateIf(present)
  @IsString({ message: 'iin.format' })
  iin?: string | null;

  @ApiPropertyOptional({ default: 'kazakh', description: "'kazakh', or another ethnicity (marked)", example: 'kazakh' })
  @Transform(code('lower'))
  @ValidateIf(present)
  @Matches(/^[a-z][a-z_]{1,39}$/, { message: 'validation.key' })
  ethnicity?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'ISO 3166-1 alpha-2', example: 'CN' })
  @Transform(code('upper'))
  @ValidateIf(present)
  @IsCountryCode()
  citizenship?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'ISO 3166-1 alpha-2', example: 'CN' })
  @Transform(code('upper'))
  @ValidateIf(present)
  @IsCountryCode()
  countryOfOrigin?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: ID_DOCUMENT_TYPES })
  @ValidateIf(present)
  @IsIn(ID_DOCUMENT_TYPES)
  idDocumentType?: (typeof ID_DOCUMENT_TYPES)[number] | null;

  @ApiPropertyOptional({ nullable: true, example: 'E12345678' })
  @Transform(optionalText)
  @ValidateIf(present)
  @IsString()
  @Length(1, 50)
  @Matches(/[\p{L}\p{N}]/u, { message: 'validation.letters_or_digits' })
  idDocumentNumber?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(optionalText)
  @ValidateIf(present)
  @IsString()
  @Length(1, 200)
  idDocumentIssuer?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2030-01-31' })
  @ValidateIf(present)
  @Matches(ISO_DATE, { message: 'validation.is_date' })
  @IsISO8601({ strict: true }, { message: 'validation.day_exists' })
  idDocumentExpiry?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: EDUCATION_LEVELS })
  @ValidateIf(present)
  @IsIn(EDUCATION_LEVELS)
  educationLevel?: (typeof EDUCATION_LEVELS)[number] | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(optionalText)
  @ValidateIf(present)
  @IsString()
  @Length(1, 200)
  profession?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'ISO 639-1 codes', example: ['kk', 'ru'] })
  @Transform(codeList)
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  languages?: string[];

  @ApiPropertyOptional({ nullable: true, example: '+7 701 123 45 67' })
  @Transform(optionalText)
  @ValidateIf(present)
  @Matches(/^\+?\d[\d ()-]{4,23}$/, { message: 'validation.phone' })
  phone?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: 'family@example.kz',
    description: 'Where messages to the family go by e-mail',
  })
  @Transform(optionalEmail)
  @ValidateIf(present)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(optionalText)
  @ValidateIf(present)
  @IsString()
  @Length(1, 500)
  addressAbroad?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Transform(optionalText)
  @ValidateIf(present)
  @IsString()
  @Length(1, 500)
  addressKz?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Admins only (required for them); regional staff register in their own region',
  })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  regionId?: number | null;
}

/** PUT /persons/:id: the whole record again, with the version the edit was based on. */
export class UpdatePersonDto extends CreatePersonDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class MarkDistinctDto {
  @ApiProperty({ description: 'The person this one is not' })
  @IsInt()
  @Min(1)
  otherPersonId: number;
}

export class MergePersonDto {
  @ApiProperty({ description: 'The person this record is merged into (it stays, this one is marked merged)' })
  @IsInt()
  @Min(1)
  intoPersonId: number;

  @ApiProperty({ description: 'Version of the person being merged' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ErasePersonDto {
  @ApiProperty({ enum: ERASURE_REASONS, description: 'Why the personal data is erased (kept on the audit entry)' })
  @IsIn(ERASURE_REASONS)
  reason: ErasureReason;

  @ApiProperty({ description: 'Version of the person the admin confirmed erasing' })
  @IsInt()
  @Min(1)
  version: number;
}
