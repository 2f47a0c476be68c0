import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The text fields of the multipart upload (the file itself is the `file` part). */
export class UploadDocumentFieldsDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  applicationId: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  documentTypeId: number;

  @ApiPropertyOptional({ description: "Required when the document type's scope is 'member'" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  personId?: number;
}

export const REVIEW_OUTCOMES = ['verified', 'rejected'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export class ReviewDocumentDto {
  @ApiProperty({ enum: REVIEW_OUTCOMES })
  @IsIn(REVIEW_OUTCOMES)
  status: ReviewOutcome;

  @ApiPropertyOptional({ description: 'Required when rejecting: what is wrong with the document' })
  @Transform(trim)
  @ValidateIf((dto: ReviewDocumentDto, value) => dto.status === 'rejected' || (value !== undefined && value !== null))
  // class-validator checks these bottom-up.
  @MaxLength(2000)
  @IsNotEmpty({ message: 'document.rejection_needs_reason' })
  @IsString({ message: 'document.rejection_needs_reason' })
  reason?: string | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class ChecklistQuery {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  applicationId: number;
}

export class DocumentContentQuery {
  @ApiPropertyOptional({ enum: ['1', '0'], description: '1: Content-Disposition inline, for a preview' })
  @IsOptional()
  @IsIn(['1', '0', 'true', 'false'])
  inline?: string;
}
