import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ORIGINS, PATTERNS } from '../clinical';
import {
  auditRowsToCsv,
  openAuditTable,
  summarizeAuditRows,
  type AuditPeriod,
  type AuditSummary,
  type AuditTable,
} from '../storage';
import type { CliIo } from './cli-io';

/** The command reads no stdin. */
export type AuditCommandIo = Pick<CliIo, 'stdout' | 'stderr' | 'env'>;

const DEFAULT_SQLITE_PATH = './data/alp-workup.sqlite';

const USAGE = `Usage: alp-workup audit [--from DATE] [--to DATE] [--format csv|json] [--db PATH] [--schema NAME]

Exports the audit trail for clinical governance, with counts of outcomes (pattern, origin, urgent).
  --from DATE     first moment included, ISO 8601 (2026-03-01 or 2026-03-01T08:00:00Z)
  --to DATE       first moment excluded, ISO 8601
  --format        json (default): {period, summary, rows} on stdout
                  csv: the rows on stdout, the counts on stderr
  --db PATH       SQLite file; without it DATABASE_URL (PostgreSQL) is used if set,
                  else SQLITE_PATH, else ${DEFAULT_SQLITE_PATH}
  --schema NAME   PostgreSQL schema holding the tables (default public)
Exit codes: 0 exported, 1 database unavailable, 2 bad arguments.
`;

const IsoMoment = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO 8601 date (2026-03-01) or date-time with a zone (2026-03-01T08:00:00Z)',
});

const ArgsSchema = z
  .object({
    from: IsoMoment.optional(),
    to: IsoMoment.optional(),
    format: z.enum(['csv', 'json'], { message: 'must be csv or json' }).default('json'),
    db: z.string().min(1).optional(),
    schema: z.string().optional(),
    help: z.boolean().optional(),
  })
  .refine((args) => !args.from || !args.to || new Date(args.from) < new Date(args.to), {
    message: 'must be before --to',
    path: ['from'],
  });

type AuditArgs = z.infer<typeof ArgsSchema>;

type Parsed = { ok: true; args: AuditArgs } | { ok: false; message: string };

function parseAuditArgs(argv: readonly string[]): Parsed {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        db: { type: 'string' },
        schema: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => `--${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    return { ok: false, message };
  }
  return { ok: true, args: parsed.data };
}

function countsLine(label: string, counts: Record<string, number>): string {
  const listed = Object.entries(counts).map(([name, count]) => `${name} ${count}`);
  return `${label}: ${listed.length > 0 ? listed.join(', ') : 'none'}`;
}

function summaryText(period: AuditPeriod, summary: AuditSummary): string {
  const { outcomes } = summary;
  return [
    `Audit ${period.from?.toISOString() ?? 'start'} to ${period.to?.toISOString() ?? 'now'}: ` +
      `${summary.entries} entries, ${summary.conversations} conversations, ${summary.users} users`,
    `Assessments shown: ${outcomes.assessments} (urgent ${outcomes.urgent}, not urgent ${outcomes.notUrgent})`,
    countsLine(
      'Pattern',
      Object.fromEntries(PATTERNS.map((pattern) => [pattern, outcomes.pattern[pattern]])),
    ),
    countsLine('Origin', Object.fromEntries(ORIGINS.map((origin) => [origin, outcomes.origin[origin]]))),
    countsLine('Red flags', summary.redFlags),
    '',
  ].join('\n');
}

/**
 * `alp-workup audit`: exports the audit trail over a period as CSV or JSON with outcome counts.
 * Never creates a database: a missing SQLite file is an error, not an empty export.
 */
export async function runAuditCommand(argv: readonly string[], io: AuditCommandIo): Promise<number> {
  const parsed = parseAuditArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    io.stdout.write(USAGE);
    return 0;
  }

  const databaseUrl = args.db ? undefined : io.env.DATABASE_URL || undefined;
  const sqlitePath = args.db ?? (io.env.SQLITE_PATH || DEFAULT_SQLITE_PATH);
  if (!databaseUrl && !existsSync(sqlitePath)) {
    io.stderr.write(
      `No audit database at ${sqlitePath} (give --db PATH, or set SQLITE_PATH or DATABASE_URL).\n`,
    );
    return 1;
  }

  const period: AuditPeriod = {
    from: args.from ? new Date(args.from) : undefined,
    to: args.to ? new Date(args.to) : undefined,
  };
  let table: AuditTable | undefined;
  try {
    table = await openAuditTable({ databaseUrl, sqlitePath, postgresSchema: args.schema });
    // One query for both, so the counts describe exactly the rows exported.
    const rows = await table.query(period);
    const summary = summarizeAuditRows(rows);
    if (args.format === 'csv') {
      io.stdout.write(auditRowsToCsv(rows));
      io.stderr.write(summaryText(period, summary));
    } else {
      const exported = {
        period: { from: period.from?.toISOString() ?? null, to: period.to?.toISOString() ?? null },
        summary,
        rows,
      };
      io.stdout.write(`${JSON.stringify(exported, null, 2)}\n`);
    }
    return 0;
  } catch (error) {
    // The message only: a stack helps nobody here, and a connection error must not echo the URL.
    io.stderr.write(`Audit export failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await table?.close();
  }
}
