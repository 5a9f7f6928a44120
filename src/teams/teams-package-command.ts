import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { loadDotEnvIfPresent } from '../config/dot-env';
import { buildAppPackage, findAppPackageDir, PackageInputSchema } from './app-package';
import { colourIcon, outlineIcon } from './icons';
import { encodePng } from './png';

export interface PackageIo {
  stdout: Writable;
  stderr: Writable;
}

/**
 * `npm run teams:package`: writes appPackage/build/alp-workup-teams.zip for sideloading, with the
 * bot id from MicrosoftAppId. `--icons` redraws the committed icons first. Returns the exit code.
 */
export async function runTeamsPackage(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: PackageIo,
  sourceDir = findAppPackageDir(),
): Promise<number> {
  if (argv.includes('--icons')) {
    writeFileSync(path.join(sourceDir, 'color.png'), encodePng(colourIcon()));
    writeFileSync(path.join(sourceDir, 'outline.png'), encodePng(outlineIcon()));
    io.stdout.write('Redrew appPackage/color.png (192x192) and appPackage/outline.png (32x32).\n');
  }
  const input = PackageInputSchema.safeParse({
    botId: env.MicrosoftAppId ?? '',
    appId: env.TEAMS_APP_ID === '' ? undefined : env.TEAMS_APP_ID,
  });
  if (!input.success) {
    for (const issue of input.error.issues) io.stderr.write(`teams:package: ${issue.message}\n`);
    io.stderr.write('Set MicrosoftAppId (and optionally TEAMS_APP_ID) in the environment or .env.\n');
    return 1;
  }
  const outDir = path.join(sourceDir, 'build');
  mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, 'alp-workup-teams.zip');
  writeFileSync(outFile, await buildAppPackage(input.data, sourceDir));
  io.stdout.write(`Wrote ${outFile}: upload it in Teams (Apps > Manage your apps > Upload an app).\n`);
  return 0;
}

if (require.main === module) {
  loadDotEnvIfPresent();
  void runTeamsPackage(process.argv.slice(2), process.env, {
    stdout: process.stdout,
    stderr: process.stderr,
  }).then((code) => {
    process.exitCode = code;
  });
}
