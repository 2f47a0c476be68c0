import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const PAPER_LANGUAGES = ['kk', 'ru'] as const;
export type PaperLanguage = (typeof PAPER_LANGUAGES)[number];

export class PaperLanguageQuery {
  @ApiPropertyOptional({ enum: PAPER_LANGUAGES, default: 'kk' })
  @IsOptional()
  @IsIn(PAPER_LANGUAGES)
  lang?: PaperLanguage;
}
