import type { Server } from 'restify';
import type { Logger } from '../logger';

/** Resolves when every dependency the bot needs takes a write (storage); rejects otherwise. */
export type ReadinessCheck = () => Promise<void>;

export interface HealthState {
  /** Set when shutdown starts: a load balancer should stop sending new work. */
  shuttingDown: boolean;
}

export function registerHealthRoutes(
  server: Server,
  readiness: ReadinessCheck,
  state: HealthState,
  logger: Logger,
): void {
  // Liveness touches nothing: a slow database must not get a healthy process restarted.
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    if (state.shuttingDown) {
      res.send(503, { status: 'shutting down' });
      return;
    }
    try {
      await readiness();
      res.send(200, { status: 'ready' });
    } catch (error) {
      // The probe writes a heartbeat row only, so the driver's message quotes no clinical data.
      logger.warn(
        { errorName: (error as Error).name, reason: (error as Error).message },
        'readiness check failed',
      );
      res.send(503, { status: 'not ready' });
    }
  });
}
