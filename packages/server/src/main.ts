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
  // Graceful shutdown: stop taking requests (503), stop the job workers (running jobs finish or are handed
  // back), close WebSockets with 1012 so clients reconnect, let in-flight requests end, then close the bus
  // and the database. A shutdown that hangs is cut short well after the jobs' grace period.
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      app.log.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 20_000);
    deadline.unref();
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
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
