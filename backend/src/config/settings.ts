import { plainToInstance, Transform } from 'class-transformer';
import { OCID_PREFIX_PATTERN, PLACEHOLDER_OCID_PREFIX } from '@openbrief/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, validateSync } from 'class-validator';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? !['false', '0', 'no', 'off', ''].includes(value.trim().toLowerCase()) : value;

/** Environment variables the backend reads; validated once at start so a typo fails loudly. */
class EnvironmentVariables {
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  DATABASE_PATH = 'data/openbrief.sqlite';

  /** Where files live (response attachments, the bid master key file); default: the SQLite file's directory, else ./data. */
  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  /** The master key that wraps each response's data key: 32 bytes in base64 (see docs/security.md). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9+/_-]{43}=?$/, { message: 'BID_MASTER_KEY must be 32 random bytes in base64, e.g. openssl rand -base64 32' })
  BID_MASTER_KEY?: string;

  /** Send notifications by e-mail through this server (smtp:// or smtps://user:pass@host:port); unset: write them to the log. */
  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must start with smtp:// or smtps://' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  MAIL_FROM = 'Openbrief <no-reply@openbrief.invalid>';

  /** The address people use to reach the app, for links in e-mails; default http://localhost:PORT. */
  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s) address' })
  PUBLIC_URL?: string;

  /** How often the notification worker looks for messages to send, and how many times it tries one. */
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(50)
  NOTIFY_POLL_MS = 2000;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(50)
  NOTIFY_MAX_ATTEMPTS = 8;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO = true;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  COOKIE_SECURE = false;

  /** Which proxies may tell us the client's address and protocol (X-Forwarded-For / -Proto); see trust-proxy.ts. */
  @IsOptional()
  @IsString()
  @ValidateBy(
    { name: 'trustProxy', validator: { validate: (v: unknown) => typeof v === 'string' && parseTrustProxy(v) !== undefined } },
    {
      message:
        'TRUST_PROXY must be false, true, a hop count, or a comma-separated list of loopback, linklocal, uniquelocal, addresses and CIDR ranges',
    },
  )
  TRUST_PROXY = 'loopback';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'APP_SECRET must be at least 32 characters (random), e.g. 32 random bytes in base64url' })
  APP_SECRET?: string;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(2)
  @Max(512)
  JSON_MAX_DEPTH = 32;

  @IsOptional()
  @IsString()
  FRONTEND_DIST = 'dist/frontend/browser';

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_LIMIT_PER_ADDRESS = 20;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_LIMIT_PER_ACCOUNT = 5;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_WINDOW_SECONDS = 60;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_MAX_BACKOFF_SECONDS = 900;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(64)
  PASSWORD_HASH_CONCURRENCY = 2;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  PASSWORD_HASH_QUEUE = 32;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SESSION_HOURS = 12;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  INVITATION_DAYS = 7;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  SINGLE_LOT_REASON_ABOVE = 500_000;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  COLLAB_PROJECTION_MS = 1000;

  @IsOptional()
  @IsString()
  @Matches(/^rediss?:\/\/[^/]/, { message: 'REDIS_URL must look like redis://host:6379 (or rediss:// for TLS)' })
  REDIS_URL?: string;

  // CPU-heavy work (specification import, long text checks) runs in a bounded worker pool; see docs/security.md "Limits".
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  IMPORT_MAX_BYTES = 5 * 1024 * 1024;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  IMPORT_MAX_EXPANDED_BYTES = 20 * 1024 * 1024;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(10)
  @Max(65535)
  IMPORT_MAX_ENTRIES = 1000;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  IMPORT_MAX_PARAGRAPHS = 5000;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1000)
  IMPORT_MAX_CHARS = 1_000_000;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  WORKER_TIMEOUT_MS = 20_000;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(32)
  WORKER_MEMORY_MB = 256;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_THREADS?: number;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  WORKER_QUEUE = 32;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  SPEC_CHECK_MAX_CHARS = 100_000;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SPEC_CHECK_MAX_FINDINGS = 500;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SPEC_CHECK_RATE_LIMIT = 30;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SPEC_CHECK_RATE_LIMIT_SIGNED_IN = 120;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SPEC_CHECK_RATE_WINDOW_SECONDS = 60;

  // OCDS ocids are `<prefix>-<reference>` and never change once given: see docs/publishing.md.
  @IsOptional()
  @IsString()
  @Matches(OCID_PREFIX_PATTERN, {
    message:
      'OCID_PREFIX must be the ocid prefix registered with the Open Contracting Data Support Team: "ocds-" followed by six lower-case letters or digits',
  })
  OCID_PREFIX = PLACEHOLDER_OCID_PREFIX;
}

export interface Settings {
  port: number;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  seedDemo: boolean;
  logLevel: string;
  cookieSecure: boolean;
  /** Fastify's `trustProxy`: decides request.ip and request.protocol (and so Secure cookies) behind a reverse proxy. */
  trustProxy: TrustProxy;
  /** Signs CSRF tokens; null means generate and keep one in the SQLite data directory (see app-secret.ts). */
  appSecret: string | null;
  /** Deepest nesting of arrays/objects a JSON body may have. */
  jsonMaxDepth: number;
  frontendDist: string;
  /** Attempts per client address per window; failed attempts per account before back-off starts. */
  signIn: { limitPerAddress: number; limitPerAccount: number; windowSeconds: number; maxBackoffSeconds: number };
  /** Password hashes (argon2) computed at once, and how many more may wait before a 429. */
  passwordHash: { concurrency: number; queue: number };
  sessionHours: number;
  invitationDays: number;
  /** Estimated value above which a single-lot tender must record why it is not divided. */
  singleLotReasonAbove: number;
  /** Quiet time after a live edit before the document is written into the relational tables. */
  collabProjectionMs: number;
  /** Redis that several instances share live documents through; null runs one instance on its own. */
  redisUrl: string | null;
  /** Specification import: upload size, declared expanded size and entries of a .docx, paragraphs produced. */
  import: { maxBytes: number; maxExpandedBytes: number; maxEntries: number; maxParagraphs: number; maxChars: number };
  /** The pool that runs CPU-heavy work off the event loop: per-task time and heap, threads, tasks that may wait. */
  workers: { timeoutMs: number; memoryMb: number; threads: number; queue: number };
  /** The public text check: characters per request, findings returned, requests per window (anonymous by address, signed-in by account). */
  specCheck: { maxChars: number; maxFindings: number; rateLimit: number; rateLimitSignedIn: number; rateWindowSeconds: number };
  /** OCDS ocid prefix ("ocds-" and six characters); the placeholder ocds-xxxxxx unless OCID_PREFIX is set. */
  ocidPrefix: string;
  /** Files: response attachments (local-disk storage) and the bid master key file when BID_MASTER_KEY is unset. */
  dataDir: string;
  /** BID_MASTER_KEY (base64, 32 bytes), or null: a key file in dataDir, created on first start. */
  bidMasterKey: string | null;
  /** Notifications: SMTP_URL (null: log only), the From address, links' base address, the worker's pace and retries. */
  mail: { smtpUrl: string | null; from: string; publicUrl: string; pollMs: number; maxAttempts: number };
  version: string;
}

export const SETTINGS = Symbol('SETTINGS');

/** Reads and validates settings from the environment; throws one readable error listing every problem. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(vars, { skipMissingProperties: false });
  if (errors.length) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${e.property}: ${m}`));
    throw new Error(`Openbrief cannot start: the environment is not valid.\n${lines.join('\n')}`);
  }
  return {
    port: vars.PORT,
    database: vars.DATABASE_URL ? { kind: 'postgres', url: vars.DATABASE_URL } : { kind: 'sqlite', path: resolve(vars.DATABASE_PATH) },
    seedDemo: vars.SEED_DEMO,
    logLevel: vars.LOG_LEVEL,
    cookieSecure: vars.COOKIE_SECURE,
    trustProxy: parseTrustProxy(vars.TRUST_PROXY)!,
    appSecret: vars.APP_SECRET ?? null,
    jsonMaxDepth: vars.JSON_MAX_DEPTH,
    frontendDist: resolve(vars.FRONTEND_DIST),
    signIn: {
      limitPerAddress: vars.SIGN_IN_LIMIT_PER_ADDRESS,
      limitPerAccount: vars.SIGN_IN_LIMIT_PER_ACCOUNT,
      windowSeconds: vars.SIGN_IN_WINDOW_SECONDS,
      maxBackoffSeconds: vars.SIGN_IN_MAX_BACKOFF_SECONDS,
    },
    passwordHash: { concurrency: vars.PASSWORD_HASH_CONCURRENCY, queue: vars.PASSWORD_HASH_QUEUE },
    sessionHours: vars.SESSION_HOURS,
    invitationDays: vars.INVITATION_DAYS,
    singleLotReasonAbove: vars.SINGLE_LOT_REASON_ABOVE,
    collabProjectionMs: vars.COLLAB_PROJECTION_MS,
    redisUrl: vars.REDIS_URL ?? null,
    import: {
      maxBytes: vars.IMPORT_MAX_BYTES,
      maxExpandedBytes: vars.IMPORT_MAX_EXPANDED_BYTES,
      maxEntries: vars.IMPORT_MAX_ENTRIES,
      maxParagraphs: vars.IMPORT_MAX_PARAGRAPHS,
      maxChars: vars.IMPORT_MAX_CHARS,
    },
    workers: {
      timeoutMs: vars.WORKER_TIMEOUT_MS,
      memoryMb: vars.WORKER_MEMORY_MB,
      // Leave a core for the event loop: on a 2-core host one import thread, never more than four by default.
      threads: vars.WORKER_THREADS ?? Math.min(4, Math.max(1, availableParallelism() - 1)),
      queue: vars.WORKER_QUEUE,
    },
    specCheck: {
      maxChars: vars.SPEC_CHECK_MAX_CHARS,
      maxFindings: vars.SPEC_CHECK_MAX_FINDINGS,
      rateLimit: vars.SPEC_CHECK_RATE_LIMIT,
      rateLimitSignedIn: vars.SPEC_CHECK_RATE_LIMIT_SIGNED_IN,
      rateWindowSeconds: vars.SPEC_CHECK_RATE_WINDOW_SECONDS,
    },
    ocidPrefix: vars.OCID_PREFIX,
    dataDir: resolve(vars.DATA_DIR ?? (vars.DATABASE_URL ? 'data' : dirname(resolve(vars.DATABASE_PATH)))),
    bidMasterKey: vars.BID_MASTER_KEY ?? null,
    mail: {
      smtpUrl: vars.SMTP_URL ?? null,
      from: vars.MAIL_FROM,
      publicUrl: (vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, ''),
      pollMs: vars.NOTIFY_POLL_MS,
      maxAttempts: vars.NOTIFY_MAX_ATTEMPTS,
    },
    version: process.env['npm_package_version'] ?? '0.1.0',
  };
}
