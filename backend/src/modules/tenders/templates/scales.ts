import { type ScaleDescriptor, ScoringScale } from '@openbrief/contracts';

/** The 0–4 scale used across UK public procurement, with descriptors evaluators can apply consistently. */
const ZERO_TO_FOUR: ScaleDescriptor[] = [
  { score: 0, label: 'Unacceptable', description: 'No answer, or the answer does not address the requirement.' },
  { score: 1, label: 'Poor', description: 'Addresses the requirement only in part, with significant gaps or risks.' },
  { score: 2, label: 'Acceptable', description: 'Meets the requirement, with some minor gaps or risks.' },
  { score: 3, label: 'Good', description: 'Fully meets the requirement, with clear evidence of how it will be delivered.' },
  { score: 4, label: 'Excellent', description: 'Fully meets the requirement with strong evidence, and adds value beyond it.' },
];

export function defaultDescriptors(scale: ScoringScale): ScaleDescriptor[] {
  if (scale === ScoringScale.ZeroToFour) return ZERO_TO_FOUR;
  const max = scale === ScoringScale.ZeroToTen ? 10 : 100;
  // The same five bands, spread over the wider scale.
  return ZERO_TO_FOUR.map((d) => ({ ...d, score: Math.round((d.score / 4) * max) }));
}
