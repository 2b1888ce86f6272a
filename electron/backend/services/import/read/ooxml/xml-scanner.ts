/**
 * A small, fast, push-based XML tokenizer for the parts of an OOXML package. It handles what those
 * parts contain (elements, attributes, the five predefined and numeric entities, CDATA, comments,
 * processing instructions, namespace prefixes) and refuses what they never contain (DOCTYPE: no
 * entity expansion, so no billion-laughs). Tag nesting is checked, so a damaged part is an error
 * rather than a silently shorter sheet; stray text outside the root is ignored as Excel does.
 */

export class XmlError extends Error {
  constructor(readonly reason: 'mismatch' | 'truncated' | 'doctype' | 'oversized' | 'syntax', detail: string) {
    super(detail);
    this.name = 'XmlError';
  }
}

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const MAX_PENDING = 32 * 1024 * 1024;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(body: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (!body) return attrs;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(body)) !== null) {
    const name = m[1]!;
    const value = decodeEntities(m[2] ?? m[3] ?? '');
    attrs[name] = value;
    // Prefixed attributes (r:id, x14ac:dyDescent) are also reachable by local name unless taken.
    const local = localName(name);
    if (local !== name && !(local in attrs)) attrs[local] = value;
  }
  return attrs;
}

/** Index of the '>' ending a tag that starts at `from`, skipping quoted attribute values; -1 if not yet. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

export class XmlScanner {
  private pending = '';
  private readonly stack: string[] = [];
  private sawRoot = false;

  /** fragment: the text starts mid-document (after a skipped part), so unmatched end tags are fine. */
  constructor(
    private readonly handler: XmlHandler,
    private readonly opts: { fragment?: boolean } = {},
  ) {
    if (opts.fragment) this.sawRoot = true;
  }

  get depth(): number {
    return this.stack.length;
  }

  write(chunk: string): void {
    const s = this.pending ? this.pending + chunk : chunk;
    let pos = 0;
    const n = s.length;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        // Text up to the end; keep an unfinished entity for the next chunk.
        const amp = s.lastIndexOf('&');
        const keepFrom = amp >= pos && s.indexOf(';', amp) < 0 ? amp : n;
        this.emitText(s.slice(pos, keepFrom));
        pos = keepFrom;
        break;
      }
      if (lt > pos) this.emitText(s.slice(pos, lt));
      pos = lt;
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) break;
      if (next === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) break;
          pos = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) break;
          if (this.stack.length > 0) this.handler.text(s.slice(lt + 9, end));
          pos = end + 3;
        } else if (n - lt < 9) break;
        else throw new XmlError('doctype', 'DTD / DOCTYPE declarations are not allowed');
      } else if (next === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        pos = end + 2;
      } else if (next === 47 /* / */) {
        const end = s.indexOf('>', lt + 2);
        if (end < 0) break;
        const name = localName(s.slice(lt + 2, end).trim());
        if (this.opts.fragment && this.stack.length === 0) {
          pos = end + 1;
          continue;
        }
        const top = this.stack.pop();
        if (top !== name) throw new XmlError('mismatch', `</${name}> closes <${top ?? '(nothing)'}>`);
        this.handler.close(name);
        pos = end + 1;
      } else {
        const end = tagEnd(s, lt + 1);
        if (end < 0) break;
        const selfClosing = s.charCodeAt(end - 1) === 47;
        const body = s.slice(lt + 1, selfClosing ? end - 1 : end);
        const sp = body.search(/[\s]/);
        const qname = sp < 0 ? body : body.slice(0, sp);
        if (!qname) throw new XmlError('syntax', 'empty tag name');
        const name = localName(qname);
        const attrs = sp < 0 ? {} : parseAttrs(body.slice(sp + 1));
        this.sawRoot = true;
        if (!selfClosing) this.stack.push(name);
        this.handler.open(name, attrs, selfClosing);
        if (selfClosing) this.handler.close(name);
        pos = end + 1;
      }
    }
    this.pending = pos < n ? s.slice(pos) : '';
    if (this.pending.length > MAX_PENDING) throw new XmlError('oversized', 'a single XML token is larger than 32 MB');
  }

  private emitText(text: string): void {
    if (!text || (this.stack.length === 0 && !this.opts.fragment)) return;
    this.handler.text(decodeEntities(text));
  }

  end(): void {
    if (this.opts.fragment) return;
    if (this.pending.trim() !== '' && this.stack.length > 0) throw new XmlError('truncated', 'the part ends inside a tag');
    if (this.stack.length > 0) throw new XmlError('truncated', `the part ends before </${this.stack[this.stack.length - 1]}>`);
    if (!this.sawRoot) throw new XmlError('truncated', 'the part is empty');
  }
}
