import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const PackageInputSchema = z.object({
  botId: z.string().regex(GUID, { message: 'MicrosoftAppId must be the bot registration GUID' }),
  appId: z.string().regex(GUID, { message: 'TEAMS_APP_ID must be a GUID' }).optional(),
});
export type PackageInput = z.infer<typeof PackageInputSchema>;

/** The files Teams expects at the root of a sideloadable app package. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** `appPackage/` at the project root, above both `src/` and `dist/src/`. */
export function findAppPackageDir(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 5; depth += 1) {
    const candidate = path.join(dir, 'appPackage');
    if (existsSync(path.join(candidate, 'manifest.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`appPackage/manifest.json not found above ${__dirname}`);
}

interface Manifest {
  id: string;
  bots: { botId: string }[];
  [key: string]: unknown;
}

/**
 * The committed manifest carries placeholder GUIDs; the package gets this deployment's bot id
 * (the Azure bot registration's MicrosoftAppId) and an app id, which defaults to the bot id.
 */
export function personaliseManifest(template: Manifest, input: PackageInput): Manifest {
  return {
    ...template,
    id: input.appId ?? input.botId,
    bots: template.bots.map((bot) => ({ ...bot, botId: input.botId })),
  };
}

export async function buildAppPackage(input: PackageInput, sourceDir = findAppPackageDir()): Promise<Buffer> {
  const template = JSON.parse(readFileSync(path.join(sourceDir, 'manifest.json'), 'utf8')) as Manifest;
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(personaliseManifest(template, input), null, 2)}\n`);
  for (const icon of ['color.png', 'outline.png']) zip.file(icon, readFileSync(path.join(sourceDir, icon)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
