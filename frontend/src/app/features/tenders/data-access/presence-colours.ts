/**
 * Colours for people's cursors and names: each has at least 4.5:1 contrast with white (names are
 * written in white on them) and with the white page (carets and outlines), so none relies on a pale hue.
 */
export const PRESENCE_COLOURS = ['#1d70b8', '#b4281a', '#00703c', '#4c2c92', '#912b88', '#005a8c', '#7a4d00', '#3d3d3d'] as const;

/** The same person gets the same colour in every browser. */
export function colourFor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length];
}
