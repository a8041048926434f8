import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { resolve } from 'node:path';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? !['false', '0', 'no', 'off', ''].includes(value.trim().toLowerCase()) : value;

/** Environment variables the backend reads; validated once at start so a typo fails loudly. */
class EnvironmentVariables {
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsOptional() @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL?: string;

  @IsOptional() @IsString()
  DATABASE_PATH = 'data/openbrief.sqlite';

  @IsOptional() @Transform(toBool) @IsBoolean()
  SEED_DEMO = true;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional() @Transform(toBool) @IsBoolean()
  COOKIE_SECURE = false;

  @IsOptional() @IsString()
  FRONTEND_DIST = 'dist/frontend/browser';

  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1)
  SIGN_IN_LIMIT = 10;

  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1)
  SIGN_IN_WINDOW_SECONDS = 60;

  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1)
  SESSION_HOURS = 12;

  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1)
  INVITATION_DAYS = 7;

  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0)
  SINGLE_LOT_REASON_ABOVE = 500_000;

  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0)
  COLLAB_PROJECTION_MS = 1000;

  @IsOptional() @IsString() @Matches(/^rediss?:\/\/[^/]/, { message: 'REDIS_URL must look like redis://host:6379 (or rediss:// for TLS)' })
  REDIS_URL?: string;
}

export interface Settings {
  port: number;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  seedDemo: boolean;
  logLevel: string;
  cookieSecure: boolean;
  frontendDist: string;
  signIn: { limit: number; windowSeconds: number };
  sessionHours: number;
  invitationDays: number;
  /** Estimated value above which a single-lot tender must record why it is not divided. */
  singleLotReasonAbove: number;
  /** Quiet time after a live edit before the document is written into the relational tables. */
  collabProjectionMs: number;
  /** Redis that several instances share live documents through; null runs one instance on its own. */
  redisUrl: string | null;
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
    database: vars.DATABASE_URL
      ? { kind: 'postgres', url: vars.DATABASE_URL }
      : { kind: 'sqlite', path: resolve(vars.DATABASE_PATH) },
    seedDemo: vars.SEED_DEMO,
    logLevel: vars.LOG_LEVEL,
    cookieSecure: vars.COOKIE_SECURE,
    frontendDist: resolve(vars.FRONTEND_DIST),
    signIn: { limit: vars.SIGN_IN_LIMIT, windowSeconds: vars.SIGN_IN_WINDOW_SECONDS },
    sessionHours: vars.SESSION_HOURS,
    invitationDays: vars.INVITATION_DAYS,
    singleLotReasonAbove: vars.SINGLE_LOT_REASON_ABOVE,
    collabProjectionMs: vars.COLLAB_PROJECTION_MS,
    redisUrl: vars.REDIS_URL ?? null,
    version: process.env['npm_package_version'] ?? '0.1.0',
  };
}
