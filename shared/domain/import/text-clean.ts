/**
 * Cleaning of cell text before any interpretation. Reps paste from Word, WeChat and web pages, so
 * cells carry full-width digits and punctuation, non-breaking and ideographic spaces, zero-width
 * characters and trailing TABs (the Excel "keep this number as text" trick).
 */

/** Full-width ASCII (！ … ～) → half-width, ideographic space → space. Other characters are kept. */
export function toHalfWidth(text: string, keep?: ReadonlySet<number>): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e && !keep?.has(c)) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += ' ';
      changed = true;
    } else out += text[i];
  }
  return changed ? out : text;
}

/** （ ） ， ： ； ！ ？: punctuation Chinese text is written with (and registered company names use). */
const CHINESE_PUNCTUATION = new Set([0xff08, 0xff09, 0xff0c, 0xff1a, 0xff1b, 0xff01, 0xff1f]);

/**
 * Names and other text as stored: full-width letters, digits and symbols become half-width, but the
 * Chinese punctuation stays as typed, so that 鑫顺涂料（南京）有限公司 is kept exactly as the app and
 * its exports write it (and an export re-imported changes nothing).
 */
export function toHalfWidthText(text: string): string {
  return toHalfWidth(text, CHINESE_PUNCTUATION);
}

/**
 * The same name with its brackets written either way (鑫顺涂料(南京) / 鑫顺涂料（南京）): what a rep
 * types and what is stored often differ only in that, and it is the same account.
 */
export function bracketVariants(name: string): string[] {
  const full = name.replace(/\(/g, '（').replace(/\)/g, '）');
  const half = name.replace(/（/g, '(').replace(/）/g, ')');
  return [...new Set([name, full, half])];
}

// Zero-width space/joiners, word joiner, BOM, soft hyphen: invisible, never meant as data.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// C0 controls other than TAB/LF/CR, and DEL: junk from broken exports (a NUL inside a field).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;

export interface CleanResult {
  text: string;
  /** Control characters were removed (worth a warning: the file may be damaged). */
  removedControls: boolean;
}

// Any character the cleaning below would change (apart from the trim): most cells have none.
// eslint-disable-next-line no-control-regex -- the control characters of CONTROL are among them
const NEEDS_CLEANING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF\u00AD\u00A0\u2000-\u200A\u202F\u205F\u3000\r]/;

/** Trims, removes invisible and control characters, unifies odd spaces; keeps inner line breaks. */
export function cleanCellText(raw: string): CleanResult {
  if (!NEEDS_CLEANING.test(raw)) return { text: raw.trim(), removedControls: false };
  let text = raw;
  let removedControls = false;
  if (CONTROL.test(text)) {
    removedControls = true;
    text = text.replace(CONTROL, '');
  }
  CONTROL.lastIndex = 0;
  text = text.replace(INVISIBLE, '').replace(SPACES, ' ').replace(/\r\n?/g, '\n');
  return { text: text.trim(), removedControls };
}

/** For single-line fields (names, codes, phones): all whitespace runs become one space. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text that means "nothing here" in reps' sheets. */
const NULLISH = new Set(['', '-', '--', '—', '——', '/', 'n/a', 'na', 'null', 'none', '无', '暂无', '空']);

export function isNullish(text: string): boolean {
  return NULLISH.has(text.trim().toLowerCase());
}
