import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JwtAuthGuard } from './common/auth/jwt-auth.guard';
import { PermissionGuard } from './common/auth/permission.guard';
import { HttpExceptionFilter } from './common/errors/http-exception.filter';
import { validationPipe } from './common/errors/validation.pipe';
import { InputGuard } from './common/input/input.guard';
import { ListInterceptor } from './common/list/list.interceptor';
import type { AppConfig } from './config/app.config';
import { ConfigModule } from './config/config.module';
import { typeormOptions } from './database/typeorm-options';
import { ApplicantMessagesModule } from './modules/applicant-messages/applicant-messages.module';
import { ApplicationsModule } from './modules/applications/applications.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CertificatesModule } from './modules/certificates/certificates.module';
import { OpenStatisticsModule } from './modules/open-statistics/open-statistics.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { DataKeysModule } from './modules/data-keys/data-keys.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MonitoringModule } from './modules/monitoring/monitoring.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { InclusionModule } from './modules/inclusion/inclusion.module';
import { PlacementModule } from './modules/placement/placement.module';
import { ForecastsModule } from './modules/forecasts/forecasts.module';
import { PersonsModule } from './modules/persons/persons.module';
import { QuotasModule } from './modules/quotas/quotas.module';
import { ReferenceDataModule } from './modules/reference-data/reference-data.module';
import { RetentionModule } from './modules/retention/retention.module';
import { SettlementsModule } from './modules/settlements/settlements.module';
import { SupportPaymentsModule } from './modules/support-payments/support-payments.module';
import { LegalStatusModule } from './modules/legal-status/legal-status.module';
import { IntegrationServicesModule } from './modules/integration-services/integration-services.module';
import { TransfersModule } from './modules/transfers/transfers.module';
import { UsersModule } from './modules/users/users.module';

/** Connections to a PostgreSQL server. */
export const DB_POOL_SIZE = 10;
/**
 * Connections to the embedded database: one. PGlite is a single session, and
 * pglite-socket queues each protocol message on its own, so two connections' extended
 * queries interleave outside a transaction (electric-sql/pglite#1046): wrong rows, 401s
 * and 500s under load, and a stalled queue. One connection is that session's true shape
 * (docs/jobs.md, The embedded database).
 */
export const EMBEDDED_POOL_SIZE = 1;

@Module({})
export class AppModule {
  /** The whole API, on the database at `databaseUrl` (a server, or the embedded one) with `poolSize` connections. */
  static forRoot(config: AppConfig, databaseUrl: string, poolSize: number): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(typeormOptions(databaseUrl, poolSize)),
        DataKeysModule,
        AuditModule,
        AuthModule,
        UsersModule,
        ReferenceDataModule,
        PersonsModule,
        RetentionModule,
        ApplicationsModule,
        DocumentsModule,
        CertificatesModule,
        DashboardModule,
        QuotasModule,
        InclusionModule,
        SettlementsModule,
        JobsModule,
        PlacementModule,
        ForecastsModule,
        TransfersModule,
        SupportPaymentsModule,
        OpenStatisticsModule,
        LegalStatusModule,
        IntegrationServicesModule,
        NotificationsModule,
        ApplicantMessagesModule,
        MonitoringModule,
        ImportsModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useValue: validationPipe },
        { provide: APP_INTERCEPTOR, useClass: ListInterceptor },
        // Order matters: is the input sane, who is it, then may they.
        { provide: APP_GUARD, useClass: InputGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
      ],
    };
  }
}
