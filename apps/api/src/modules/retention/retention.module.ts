import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { PersonsModule } from '../persons/persons.module';
import { RetentionController } from './retention.controller';
import { RetentionJob } from './retention.job';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** Erasing personal data past its retention period; the job queue runs RetentionJob daily. */
@Module({
  imports: [JobsModule, PersonsModule],
  controllers: [RetentionController],
  providers: [RetentionRepository, RetentionService, RetentionJob],
})
export class RetentionModule {}
