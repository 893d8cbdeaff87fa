import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, generatedAdminPassword } = await buildApp(config);
  if (generatedAdminPassword) {
    // Printed once on the console (not through the logger, so it never reaches log storage).
    process.stdout.write(
      `\n  First start: an admin account was created.\n  E-mail:   ${config.adminEmail}\n  Password: ${generatedAdminPassword}\n  Change it after signing in, or set KEFU_ADMIN_PASSWORD before the first start.\n\n`,
    );
  }
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  app.log.info(
    `Kefu is ready: demo shop http://${shownHost}:${config.port}/  API docs http://${shownHost}:${config.port}/api/docs`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `Kefu failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
