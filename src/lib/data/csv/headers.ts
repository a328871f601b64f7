// Column names from a header row: trimmed, never empty, never repeated.
//
// Names are data typed by whoever made the file. Nothing here (or anywhere in
// the data layer) treats them as markup; views must render them as text
// (Svelte's {name}, never {@html name}).

import { looksNumeric } from '../infer';

export const NUMERIC_HEADER_WARNING =
  'The first line looks like numbers, not column names: this file may have no header row; its values were used as names.';

export interface Headers {
  names: string[];
  /** One sentence for each name that was changed. */
  warnings: string[];
}

export function uniqueHeaders(raw: string[]): Headers {
  const bases = raw.map((name, i) => {
    // A quoted header may hold a line break; a name shown in one line reads better.
    const trimmed = name.trim().replace(/\s*\n\s*/g, ' ');
    return trimmed === '' ? `column_${i + 1}` : trimmed;
  });
  // Every name as written is reserved first, so a later "x_2" keeps its name
  // and an earlier duplicate "x" becomes "x_3" instead.
  const taken = new Set(bases);
  const seen = new Set<string>();
  const warnings: string[] = [];
  if (raw.length > 0 && raw.every((name) => looksNumeric(name))) warnings.push(NUMERIC_HEADER_WARNING);
  const names = bases.map((base, i) => {
    const position = i + 1;
    if (raw[i].trim() === '') {
      warnings.push(`Column ${position} has no name in the header; it is called "${base}".`);
    }
    if (!seen.has(base)) {
      seen.add(base);
      return base;
    }
    let k = 2;
    while (taken.has(`${base}_${k}`)) k++;
    const name = `${base}_${k}`;
    taken.add(name);
    seen.add(name);
    warnings.push(`Column ${position} is also named "${base}"; it is called "${name}".`);
    return name;
  });
  return { names, warnings };
}
