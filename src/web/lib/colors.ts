/**
 * A theme hue dark enough for text on white at WCAG AA: shade 9 mixed with black. Mantine's own
 * shade 9 falls short for green, orange, teal, cyan, lime and yellow.
 */
export const strongText = (hue: string) => `color-mix(in srgb, var(--mantine-color-${hue}-9) 65%, black)`;
