// Tailwind 4 emits nothing for a colour class whose `--color-*` variable is undefined,
// so a missing shade silently renders as no colour (or the default border colour).

const COLOUR_UTILITIES =
  'bg|text|border(?:-[xytrblse])?|ring|ring-offset|outline|divide|from|via|to|fill|stroke|accent|caret|decoration|placeholder|shadow|inset-shadow|inset-ring';
const CLASS_PATTERN = new RegExp(
  `(?<![\\w-])(?:[\\w-]+:)*!?(?:${COLOUR_UTILITIES})-([a-z]+)-(\\d+)(?:/\\d+)?(?![\\w-])`,
  'g',
);
// An unknown palette only counts with a usual shade, so `border-x-2` or `outline-offset-2` are not colours.
const USUAL_SHADE = /^(50|[1-9]00|950)$/;

/** Palette name → shades defined by `--color-<palette>-<shade>` declarations in a stylesheet. */
export function definedShades(...stylesheets: string[]): Map<string, Set<string>> {
  const palettes = new Map<string, Set<string>>();
  for (const css of stylesheets) {
    for (const [, palette, shade] of css.matchAll(/--color-([a-z]+)-(\d+)\s*:/g)) {
      if (!palette || !shade) continue;
      const shades = palettes.get(palette) ?? new Set<string>();
      shades.add(shade);
      palettes.set(palette, shades);
    }
  }
  return palettes;
}

/** Colour classes in `source` whose palette or shade the theme does not define. */
export function undefinedColourClasses(source: string, palettes: Map<string, Set<string>>): string[] {
  const missing = new Set<string>();
  for (const match of source.matchAll(CLASS_PATTERN)) {
    const [, palette, shade] = match;
    if (!palette || !shade) continue;
    const shades = palettes.get(palette);
    if (shades ? !shades.has(shade) : USUAL_SHADE.test(shade)) missing.add(match[0]);
  }
  return [...missing];
}
