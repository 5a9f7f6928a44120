import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { findProjectFolder } from '../runtime/project-folder';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const PackageInputSchema = z.object({
  botId: z.string().regex(GUID, { message: 'MicrosoftAppId must be the bot registration GUID' }),
  appId: z.string().regex(GUID, { message: 'TEAMS_APP_ID must be a GUID' }).optional(),
});
export type PackageInput = z.infer<typeof PackageInputSchema>;

/** The files Teams expects at the root of a sideloadable app package. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** `appPackage/` at the project root, above both `src/` and `dist/src/`. */
export const findAppPackageDir = (): string => findProjectFolder(__dirname, 'appPackage', 'manifest.json');

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
