/** One colour per compared model (at most 8), readable on the light and the dark background alike. */
export const COMPARE_COLORS = [
  '#1f6feb',
  '#e8590c',
  '#2f9e44',
  '#ae3ec9',
  '#c2255c',
  '#0c8599',
  '#b08900',
  '#6c7a89',
] as const;

export function compareColor(index: number): string {
  return COMPARE_COLORS[index % COMPARE_COLORS.length] ?? COMPARE_COLORS[0];
}
