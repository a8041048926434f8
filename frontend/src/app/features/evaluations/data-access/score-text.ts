import { type ScaleDescriptor } from '@openbrief/contracts';

/** "3 (Good)": the number with its descriptor's label, so a score reads the same everywhere. */
export function scoreText(score: number | null, descriptors: readonly ScaleDescriptor[]): string {
  if (score === null) return 'Not scored';
  const label = descriptors.find((d) => d.score === score)?.label;
  return label ? `${score} (${label})` : String(score);
}

/** The scale's top: descriptors give it, else the scale's name ("0-4"). */
export function scaleMax(scale: string, descriptors: readonly ScaleDescriptor[]): number {
  const fromDescriptors = Math.max(...descriptors.map((d) => d.score));
  if (Number.isFinite(fromDescriptors)) return fromDescriptors;
  return Number(scale.split('-')[1] ?? 4);
}
