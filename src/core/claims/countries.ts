/**
 * Country names in English, from the runtime's own CLDR data (`Intl.DisplayNames`), so a page can
 * name a country its sources never mention ("Spain sent two planes") and it is still a place.
 * No list typed by hand, no dependency: every modern browser and Node ship this data.
 */
let names: ReadonlySet<string> | undefined;

function countryNames(): ReadonlySet<string> {
  if (names) return names;
  const out = new Set<string>();
  try {
    const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const A = 'A'.charCodeAt(0);
    for (let i = 0; i < 26; i++)
      for (let k = 0; k < 26; k++) {
        const code = String.fromCharCode(A + i, A + k);
        const name = regions.of(code);
        // Only real regions have a name; "Outlying Oceania" and the like stay in as harmless places.
        if (name && name !== code) out.add(name.toLowerCase());
      }
  } catch {
    // A runtime without Intl.DisplayNames: no gazetteer, names are guessed from context as before.
  }
  names = out;
  return out;
}

/** Is this lower-cased name a country (or territory) name? */
export function isCountryName(key: string): boolean {
  return countryNames().has(key);
}
