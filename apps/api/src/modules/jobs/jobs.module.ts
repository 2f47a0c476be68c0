import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue';
import { JobRunRepository } from './job-run.repository';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/**
 * Background work on pg-boss (docs/jobs.md): feature modules import it and register
 * their JobHandlers with JobsService in `onModuleInit`.
 */
@Module({
  controllers: [JobsController],
  providers: [JobQueue, JobRunRepository, JobsService],
  exports: [JobsService],
})
export class JobsModule {}
