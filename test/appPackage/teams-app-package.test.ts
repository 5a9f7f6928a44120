import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { inflateSync } from 'node:zlib';
import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import JSZip from 'jszip';
import { readPngHeader } from '../../src/teams/png';
import { runTeamsPackage } from '../../src/teams/teams-package-command';

const ROOT = path.join(__dirname, '..', '..');
const APP_PACKAGE = path.join(ROOT, 'appPackage');
const SCHEMA_DIR = path.join(
  ROOT,
  'node_modules',
  '@microsoft',
  'app-manifest',
  'build',
  'json-schemas',
  'teams',
);
const BOT_ID = '11111111-2222-3333-4444-555555555555';

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
}

const validators = new Map<string, ValidateFunction>();

/** The schema shipped in @microsoft/app-manifest for the manifest's own version: offline, draft-04. */
function validatorFor(manifest: Manifest): ValidateFunction {
  const cached = validators.get(manifest.manifestVersion);
  if (cached !== undefined) return cached;
  const schemaFile = path.join(SCHEMA_DIR, `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json');
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  validators.set(manifest.manifestVersion, validate);
  return validate;
}

/** The pixels of an 8-bit RGBA PNG written without filtering, as src/teams/png.ts writes them. */
function alphaAt(png: Buffer, x: number, y: number): number {
  const header = readPngHeader(png);
  const idatStart = png.indexOf('IDAT') + 4;
  const idatLength = png.readUInt32BE(idatStart - 8);
  const raw = inflateSync(png.subarray(idatStart, idatStart + idatLength));
  const stride = (header?.width ?? 0) * 4 + 1;
  return raw[y * stride + 1 + x * 4 + 3] ?? -1;
}

const sink = () => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
};

describe('Teams app package', () => {
  const manifest = JSON.parse(readFileSync(path.join(APP_PACKAGE, 'manifest.json'), 'utf8')) as Manifest;

  it('uses manifest schema 1.24 or newer and validates against it offline', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(24);
    expect(manifest.$schema).toContain(`v${manifest.manifestVersion}/`);
    const validate = validatorFor(manifest);
    expect(validate(manifest)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('declares the bot in personal, group chat and team scopes with the start, help and summary commands', () => {
    const [bot] = manifest.bots;
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot?.commandLists.flatMap((list) => list.commands.map((c) => c.title))).toEqual([
      'start',
      'help',
      'summary',
    ]);
  });

  it('ships a 192x192 colour icon and a 32x32 outline icon with a transparent background', () => {
    const colour = readFileSync(path.join(APP_PACKAGE, 'color.png'));
    const outline = readFileSync(path.join(APP_PACKAGE, 'outline.png'));
    expect(readPngHeader(colour)).toEqual({ width: 192, height: 192, colourType: 6 });
    expect(readPngHeader(outline)).toEqual({ width: 32, height: 32, colourType: 6 });
    expect(alphaAt(colour, 0, 0)).toBe(255);
    expect(alphaAt(outline, 0, 0)).toBe(0);
    expect(alphaAt(outline, 16, 20)).toBe(255);
  });

  describe('npm run teams:package', () => {
    let workDir: string;
    beforeEach(() => {
      workDir = mkdtempSync(path.join(tmpdir(), 'alp-teams-'));
      cpSync(APP_PACKAGE, workDir, {
        recursive: true,
        filter: (source) => !source.includes(`${path.sep}build`),
      });
    });
    afterEach(() => rmSync(workDir, { recursive: true, force: true }));

    it('writes a sideloadable zip with the bot id from the environment', async () => {
      const stdout = sink();
      const code = await runTeamsPackage(
        [],
        { MicrosoftAppId: BOT_ID },
        { stdout: stdout.stream, stderr: sink().stream },
        workDir,
      );
      expect(code).toBe(0);
      const zipFile = path.join(workDir, 'build', 'alp-workup-teams.zip');
      expect(stdout.text()).toContain(zipFile);
      const zip = await JSZip.loadAsync(readFileSync(zipFile));
      expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const packaged = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as Manifest;
      expect(packaged.id).toBe(BOT_ID);
      expect(packaged.bots[0]?.botId).toBe(BOT_ID);
      expect(validatorFor(packaged)(packaged)).toBe(true);
      const colour = await zip.file('color.png')?.async('nodebuffer');
      expect(colour && readPngHeader(colour)).toMatchObject({ width: 192, height: 192 });
    });

    it('takes a separate Teams app id when given', async () => {
      const appId = '99999999-8888-7777-6666-555555555555';
      await runTeamsPackage(
        [],
        { MicrosoftAppId: BOT_ID, TEAMS_APP_ID: appId },
        { stdout: sink().stream, stderr: sink().stream },
        workDir,
      );
      const zip = await JSZip.loadAsync(readFileSync(path.join(workDir, 'build', 'alp-workup-teams.zip')));
      const packaged = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as Manifest;
      expect(packaged.id).toBe(appId);
      expect(packaged.bots[0]?.botId).toBe(BOT_ID);
    });

    it('refuses to package without a bot id, naming the variable', async () => {
      const stderr = sink();
      const code = await runTeamsPackage(
        [],
        { MicrosoftAppId: 'my-bot' },
        { stdout: sink().stream, stderr: stderr.stream },
        workDir,
      );
      expect(code).toBe(1);
      expect(stderr.text()).toContain('MicrosoftAppId');
      expect(existsSync(path.join(workDir, 'build', 'alp-workup-teams.zip'))).toBe(false);
    });

    it('redraws the committed icons identically with --icons', async () => {
      await runTeamsPackage(
        ['--icons'],
        { MicrosoftAppId: BOT_ID },
        { stdout: sink().stream, stderr: sink().stream },
        workDir,
      );
      for (const icon of ['color.png', 'outline.png']) {
        expect(
          readFileSync(path.join(workDir, icon)).equals(readFileSync(path.join(APP_PACKAGE, icon))),
        ).toBe(true);
      }
    });
  });
});
