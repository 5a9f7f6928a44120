import { existsSync } from 'node:fs';

/**
 * Loads `.env` from the working directory into the environment if there is one, so `npm start`
 * and `npm run teams:package` pick up the settings `.env.example` documents. Variables already
 * set in the real environment win.
 */
export function loadDotEnvIfPresent(file = '.env'): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}
