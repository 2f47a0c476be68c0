import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { OpenStatisticsRepository } from './open-statistics.repository';
import { OpenStatisticsService } from './open-statistics.service';
import { PublicStatisticsController, StatisticsPageController } from './public-statistics.controller';
import { PublicStatisticsService } from './public-statistics.service';
import { StatisticsReleaseJob } from './statistics-release.job';
import { StatisticsReleasesController } from './statistics-releases.controller';

/** Open statistics (docs/open-statistics.md): protected, immutable releases and their public page. */
@Module({
  imports: [JobsModule],
  controllers: [StatisticsReleasesController, PublicStatisticsController, StatisticsPageController],
  providers: [OpenStatisticsRepository, OpenStatisticsService, PublicStatisticsService, StatisticsReleaseJob],
  exports: [OpenStatisticsService],
})
export class OpenStatisticsModule {}
