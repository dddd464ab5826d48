/** Which area of the template library a department most likely works in. Pure. */
import { TEMPLATE_AREAS, type TemplateArea } from '#shared/templates/types.ts';

/**
 * The area a department most likely works in: its code begins the area's id or the area's id begins
 * its code (FIN → finance, LEG → legal, HR → hr), or its name holds the area's words (in the reader's
 * language or English).
 */
export function likelyArea(
  code: string,
  name: string | undefined,
  words: Record<TemplateArea, string>,
): TemplateArea | undefined {
  const c = code.toLowerCase();
  const n = (name ?? '').toLowerCase();
  const named = (word: string) => {
    const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(n);
  };
  return (
    TEMPLATE_AREAS.find((area) => c.length >= 2 && (area.startsWith(c) || c.startsWith(area))) ??
    TEMPLATE_AREAS.find((area) => n !== '' && (named(words[area]) || named(area)))
  );
}
