/** Demo records created by the backend when SEED_DEMO=true (backend/src/seed/). */
export const demoBuyer = {
  email: 'buyer@demo.test',
  password: 'demo-password',
} as const;

export const demoTenders = {
  draft: 'Digital front door for community health services',
  published: 'Reducing missed hospital outpatient appointments',
} as const;

/** A fresh address per call, so tests never collide with each other or earlier runs. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
}
