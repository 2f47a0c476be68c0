import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExportLanguage } from '@qonys/domain';
import type { DataSource } from 'typeorm';
import { Region } from '../reference-data/entities/region.entity';

const NAME_COLUMN: Record<ExportLanguage, 'nameKk' | 'nameRu' | 'nameEn'> = {
  kk: 'nameKk',
  ru: 'nameRu',
  en: 'nameEn',
};

/** What an export reads beside the list's own rows. */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every region's name in one language (twenty rows, read once per export). */
  async regionNames(language: ExportLanguage): Promise<Map<number, string>> {
    const regions = await this.dataSource.getRepository(Region).find();
    return new Map(regions.map((region) => [region.id, region[NAME_COLUMN[language]]]));
  }
}
