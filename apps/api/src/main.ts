import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app.config';
import { startServer } from './server';

/** `npm start`: check the configuration, then serve API and admin UI on one port. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const server = await startServer(config);
  const shutdown = (signal: string) => {
    console.log(`${signal} received, shutting down`);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Qonys failed to start:', error);
  process.exit(1);
});
