import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns DECIMAL as a string (to keep precision); money here fits a JS number exactly to the penny. */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
