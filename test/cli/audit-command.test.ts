import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runAuditCommand } from '../../src/cli/audit-command';
import { main } from '../../src/cli/main';
import { createStorage, type AuditEntry } from '../../src/storage';
import { makeTempDir } from '../storage/support/temp-dir';
import { dropSchema, requireTestDatabaseUrl, uniqueSchemaName } from '../storage/support/test-postgres';

const auditSalt = 'audit-command-test-salt';
const RAW_USER = 'raw-user-id-8c1f';
const RAW_CONVERSATION = 'raw-conversation-id-42ab';

class TextSink extends Writable {
  text = '';

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new TextSink();
  const stderr = new TextSink();
  const code = await runAuditCommand(argv, { stdout, stderr, env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function entry(at: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: new Date(at),
    channelId: 'msteams',
    conversationId: RAW_CONVERSATION,
    userId: RAW_USER,
    step: 'alp',
    event: 'answer',
    ruleIds: [],
    contentVersion: '2026.11.1',
    redFlags: [],
    ...overrides,
  };
}

const ENTRIES: AuditEntry[] = [
  entry('2026-03-02T09:00:00Z'),
  entry('2026-03-02T09:05:00Z', {
    step: 'assessment',
    event: 'assessment-shown',
    ruleIds: ['R-01', 'B-1'],
    outcome: { pattern: 'isolated', origin: 'bone', urgent: false },
  }),
  entry('2026-03-20T14:00:00Z', {
    userId: 'another-user',
    conversationId: 'another-conversation',
    event: 'red-flag',
    redFlags: ['RF-HY'],
    outcome: { pattern: 'hepatocellular', origin: 'liver', urgent: true },
  }),
  entry('2026-04-02T10:00:00Z', {
    event: 'assessment-shown',
    outcome: { pattern: 'cholestatic', origin: 'liver', urgent: true },
  }),
];

async function seed(target: { sqlitePath: string; databaseUrl?: string; postgresSchema?: string }) {
  const opened = await createStorage({ ...target, auditSalt });
  for (const audited of ENTRIES) {
    await opened.audit.record(audited);
  }
  await opened.close();
}

describe('alp-workup audit on SQLite', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let sqlitePath: string;

  beforeAll(async () => {
    dir = makeTempDir('audit-cli');
    sqlitePath = join(dir.path, 'data', 'alp-workup.sqlite');
    await seed({ sqlitePath });
  });

  afterAll(() => dir.remove());

  it('exports a period as JSON with the outcome counts and hashed ids only', async () => {
    const result = await run(['--db', sqlitePath, '--from', '2026-03-01', '--to', '2026-04-01']);

    expect(result.code).toBe(0);
    const exported = JSON.parse(result.stdout);
    expect(exported.period).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(exported.rows.map((row: { event: string }) => row.event)).toEqual([
      'answer',
      'assessment-shown',
      'red-flag',
    ]);
    expect(exported.rows[1]).toMatchObject({
      at: '2026-03-02T09:05:00.000Z',
      ruleIds: ['R-01', 'B-1'],
      pattern: 'isolated',
      origin: 'bone',
      urgent: false,
    });
    expect(exported.summary).toMatchObject({
      entries: 3,
      conversations: 2,
      users: 2,
      outcomes: { assessments: 2, urgent: 1, notUrgent: 1 },
      redFlags: { 'RF-HY': 1 },
    });
    expect(exported.summary.outcomes.pattern).toMatchObject({
      isolated: 1,
      hepatocellular: 1,
      cholestatic: 0,
    });
    expect(exported.summary.outcomes.origin).toMatchObject({ bone: 1, liver: 1 });
    expect(result.stdout).not.toContain(RAW_USER);
    expect(result.stdout).not.toContain(RAW_CONVERSATION);
  });

  it('exports CSV rows on stdout and the counts on stderr', async () => {
    const result = await run(['--db', sqlitePath, '--format', 'csv', '--from', '2026-04-01T00:00:00+00:00']);

    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,at,channel_id,conversation_hash,user_hash,step,event,rule_ids,content_version,red_flags,pattern,origin,urgent',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^\d+,2026-04-02T10:00:00\.000Z,msteams,[0-9a-f]{64},[0-9a-f]{64},alp,assessment-shown,,2026\.11\.1,,cholestatic,liver,true$/,
    );
    expect(result.stderr).toContain('Assessments shown: 1 (urgent 1, not urgent 0)');
    expect(result.stderr).toContain(
      'Pattern: normal 0, isolated 0, cholestatic 1, mixed 0, hepatocellular 0, undetermined 0',
    );
    expect(result.stderr).toContain('Origin: bone 0, liver 1, intestinal 0, placental 0, undetermined 0');
    expect(result.stderr).toContain('Red flags: none');
  });

  it('finds the database through SQLITE_PATH and exports everything without a period', async () => {
    const result = await run([], { SQLITE_PATH: sqlitePath });

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).rows).toHaveLength(ENTRIES.length);
  });

  it.each([
    [['--from', '01/03/2026'], '--from: must be an ISO 8601 date'],
    [['--to', '2026-13-01'], '--to: must be an ISO 8601 date'],
    [['--from', '2026-04-01', '--to', '2026-03-01'], '--from: must be before --to'],
    [['--format', 'xml'], '--format: must be csv or json'],
    [['--verbose'], "Unknown option '--verbose'"],
  ])('refuses %j with exit code 2 and a message naming the option', async (argv, message) => {
    const result = await run(['--db', sqlitePath, ...argv]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: alp-workup audit');
    expect(result.stdout).toBe('');
  });

  it('prints its usage for --help, also when reached through the alp-workup bin', async () => {
    const result = await run(['--help']);
    const stdout = new TextSink();
    const viaBin = await main(['audit', '--help'], {
      stdin: Readable.from([]),
      stdout,
      stderr: new TextSink(),
      env: {},
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--format');
    expect(viaBin).toBe(0);
    expect(stdout.text).toBe(result.stdout);
  });

  it('reports a missing database with exit code 1 and does not create one', async () => {
    const missing = join(dir.path, 'nowhere', 'audit.sqlite');

    const result = await run(['--db', missing]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`No audit database at ${missing}`);
    expect(existsSync(join(dir.path, 'nowhere'))).toBe(false);
  });
});

describe('alp-workup audit on PostgreSQL', () => {
  it('reads the audit trail from DATABASE_URL', async () => {
    const databaseUrl = requireTestDatabaseUrl();
    const schema = uniqueSchemaName('audit_cli');
    const dir = makeTempDir('audit-cli-pg');
    const sqlitePath = join(dir.path, 'unused.sqlite');
    await seed({ sqlitePath, databaseUrl, postgresSchema: schema });

    const result = await run(['--schema', schema, '--to', '2026-03-10'], { DATABASE_URL: databaseUrl });

    expect(result.code).toBe(0);
    const exported = JSON.parse(result.stdout);
    expect(exported.rows).toHaveLength(2);
    expect(exported.summary.outcomes.pattern.isolated).toBe(1);
    await dropSchema(databaseUrl, schema);
    dir.remove();
  });

  it('reports an unreachable database with exit code 1 without echoing the URL', async () => {
    const result = await run([], { DATABASE_URL: 'postgres://auditor:s3cret-password@127.0.0.1:9/none' });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Audit export failed');
    expect(result.stderr).not.toContain('s3cret-password');
  });
});
