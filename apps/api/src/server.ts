import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Logger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import { AppModule, DB_POOL_SIZE, EMBEDDED_POOL_SIZE } from './app.module';
import { nestLogLevels, StartupLogger } from './common/logging/startup-logger';
import type { AppConfig } from './config/app.config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { migrateAsOwner, runEmbeddedMigrations, runMigrations } from './database/migrate';
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  DEMO_TWO_FACTOR_ROLES,
  DEMO_USERS,
  seedDemoData,
} from './database/seeds/demo-data';
import { loadDemoFamilies } from './database/seeds/demo/demo-writer';
import { AuditService } from './modules/audit/audit.service';
import { DataKeysService } from './modules/data-keys/data-keys.service';
import { MasterKeyCipher } from './modules/data-keys/master-key-cipher';
import { UsersRepository } from './modules/users/users.repository';
import { MonitoringService } from './modules/monitoring/monitoring.service';
import { ImportsService } from './modules/imports/imports.service';
import { JobsService } from './modules/jobs/jobs.service';
import { FILE_STORE } from './common/storage/file-store';
import { UNPREFIXED_ROUTES } from './modules/certificates/public-certificates.controller';
import { STATISTICS_UNPREFIXED_ROUTES } from './modules/open-statistics/public-statistics.controller';
import { OpenStatisticsService } from './modules/open-statistics/open-statistics.service';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const ADMIN_DIR = join(__dirname, '..', '..', '..', 'admin');

/** Boots the database, migrations, demo data and the HTTP server. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  let embedded: EmbeddedPostgres | null = null;
  if (!config.databaseUrl) {
    // The API's one connection, and room for the migration runner and the demo seeder.
    embedded = await startEmbeddedPostgres(config.dataDir, EMBEDDED_POOL_SIZE + 5);
  }
  const databaseUrl = config.databaseUrl ?? embedded!.url;

  const adapter = new FastifyAdapter({
    // Through process.stdout, in order with Nest's lines and the banner (pino's own
    // asynchronous writer let "Server listening" lines land after the banner).
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, stream: process.stdout },
    trustProxy: config.trustProxy,
    // An upstream proxy's request id is kept when it looks like one.
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl, embedded ? EMBEDDED_POOL_SIZE : DB_POOL_SIZE),
    adapter,
    {
      logger: new StartupLogger({ json: true, logLevels: nestLogLevels(config.logLevel) }),
    },
  );
  // The certificate QR code opens /verify/<number>, and /statistics is the open statistics: public pages outside the API.
  app.setGlobalPrefix('api', {
    exclude: [...UNPREFIXED_ROUTES, ...STATISTICS_UNPREFIXED_ROUTES].map((path) => ({
      path,
      method: RequestMethod.GET,
    })),
  });
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // MUI (emotion) injects style elements; swagger-ui too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: lets the admin preview a document it fetched with its token.
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'self'", 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // TLS ends at the reverse proxy; plain-http localhost must keep working.
        upgradeInsecureRequests: null,
      },
    },
  });
  // Document uploads: one file per request, held to DOCUMENT_MAX_BYTES (a larger one is a 413).
  await app.register(multipart, {
    limits: { fileSize: config.documentMaxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 },
  });
  if (config.corsOrigin) {
    app.enableCors({
      origin: config.corsOrigin,
      exposedHeaders: ['Content-Range', 'X-Total-Estimated', 'X-Request-Id'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'X-Request-Id', 'Range'],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    });
  }

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Qonys API')
      .setDescription('Case management for the resettlement of kandas in Kazakhstan')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs-json' });

  if (config.serveAdmin && existsSync(join(ADMIN_DIR, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: ADMIN_DIR,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The .br and .gz the admin build writes beside each file, chosen by Accept-Encoding.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', adminCacheControl(path)),
    });
    // Client-side routes load the app shell; unknown API paths stay JSON 404s, and so do
    // build files that are not there (an old tab's chunk must not get HTML as JavaScript).
    fastify.get('/*', (request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/assets/')) {
        return reply.status(404).send({
          statusCode: 404,
          error: 'Not Found',
          message: `No route ${request.method} ${request.url.split('?')[0]}`,
          requestId: request.id,
        });
      }
      return reply.sendFile('index.html');
    });
  }

  await app.init();
  const dataSource = app.get(DataSource);
  // With DATABASE_OWNER_URL the application's own role cannot rewrite the audit log (docs/audit-chain.md).
  const ownerUrl = config.databaseOwnerUrl ?? databaseUrl;
  const applied = embedded
    ? await runEmbeddedMigrations(dataSource)
    : ownerUrl === databaseUrl
      ? await runMigrations(dataSource)
      : await migrateAsOwner(
          ownerUrl,
          (await dataSource.query<{ role: string }[]>('SELECT current_user AS role'))[0].role,
        );
  if (applied.length > 0) new Logger('Database').log(`migrations applied: ${applied.join(', ')}`);
  await resealSecrets(app);
  const seeded = config.demoData ? await seedDemoData(dataSource, app.get(AuditService), app.get(MasterKeyCipher)) : [];
  if (config.demoData && config.demoFamilies > 0) {
    const loaded = await loadDemoFamilies(dataSource, app.get(AuditService), app.get(FILE_STORE), {
      families: config.demoFamilies,
      seed: config.demoSeed,
      today: config.demoToday,
    });
    if (loaded) {
      new Logger('Database').log(
        `demo families loaded: ${loaded.families} families, ${loaded.persons} persons in ${loaded.seconds.toFixed(1)} s`,
      );
      // The open statistics page has a first release to show (docs/open-statistics.md);
      // a refused one leaves the page saying there is none, and the demo still starts.
      const statistics = new Logger('Statistics');
      await app
        .get(OpenStatisticsService)
        .publishFirstDemoRelease()
        .then((release) =>
          statistics.log(
            `release ${release.number} published in ${release.seconds.toFixed(1)} s (${release.bytes} bytes)`,
          ),
        )
        .catch((error: unknown) => statistics.warn(`no first release: ${(error as Error).message}`));
    }
  }

  // The dashboard's summary tables, filled once if never filled (then by the monitoring-aggregates job).
  await app.get(MonitoringService).refreshIfNeverRefreshed();

  // Workers write to tables the migrations create: the queue starts on the migrated schema.
  await app.get(JobsService).start();
  // Imports stranded by a dead worker start again now, then on every sweep (docs/imports.md).
  app.get(ImportsService).startSweeping();

  await app.listen({ port: config.port, host: config.host });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  printBanner(url, config, embedded !== null, seeded);

  return {
    url,
    async close() {
      await app.close();
      await embedded?.stop();
    },
  };
}

/**
 * Hashed build files never change under their name: a year, immutable. Everything else
 * (index.html, which names the current hashes) is revalidated on every load (docs/deployment.md).
 */
function adminCacheControl(path: string): string {
  return path.startsWith(join(ADMIN_DIR, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * After the migrations: what is not yet sealed by the current master key (TOTP secrets
 * from before sealing, keys and secrets of an older master key) is sealed again.
 */
async function resealSecrets(app: NestFastifyApplication): Promise<void> {
  const logger = new Logger('Keys');
  const secrets = await app.get(UsersRepository).resealMfaSecrets();
  if (secrets > 0) logger.log(`TOTP secrets sealed with the current master key: ${secrets}`);
  const keys = await app.get(DataKeysService).rewrapAll();
  if (keys > 0) logger.log(`person data keys rewrapped with the current master key: ${keys}`);
}

function printBanner(url: string, config: AppConfig, embedded: boolean, seeded: string[]): void {
  const lines = [
    '',
    `Qonys is running on ${url}  (API ${url}/api, docs ${url}/api/docs)`,
    embedded ? `Database: embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'Database: PostgreSQL from DATABASE_URL',
  ];
  if (config.demoData) {
    lines.push(
      '',
      'WARNING: demo data is loaded. These logins are for trying Qonys out only — never use them with real data.',
      ...DEMO_USERS.map(
        (u) =>
          `  ${u.role.padEnd(18)} ${u.username.padEnd(22)} password ${DEMO_PASSWORD}` +
          (DEMO_TWO_FACTOR_ROLES.includes(u.role) ? `  TOTP secret ${DEMO_TOTP_SECRET}` : ''),
      ),
      seeded.length > 0 ? `  (created now: ${seeded.join(', ')})` : '  (already present)',
      '  Two-factor login is relaxed for the demo roles without a TOTP secret (reference data "Two-factor policy").',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
