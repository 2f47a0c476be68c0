import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { StaffNotificationsJob } from './staff-notifications.job';
import { StaffNotifier } from './staff-notifier';

/** In-app notifications for staff (docs/notifications.md); other capabilities notify through StaffNotifier. */
@Module({
  imports: [ReferenceDataModule, JobsModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, StaffNotifier, StaffNotificationsJob],
  exports: [StaffNotifier],
})
export class NotificationsModule {}
