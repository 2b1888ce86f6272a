import { decodeOoxmlEscapes } from '../../../../../../shared/domain/import/ooxml-escape';
import type { ReadLimits } from '../limits';
import { XmlScanner } from './xml-scanner';

/**
 * The shared-string table. Rich-text runs are concatenated (the formatting is not data); phonetic
 * guides (<rPh>, furigana) are not part of the text; _xHHHH_ escapes are decoded exactly once.
 */
export class SharedStringsParser {
  readonly strings: string[] = [];
  private current: string | null = null;
  private inText = false;
  private phonetic = 0;
  private chars = 0;
  readonly scanner: XmlScanner;

  constructor(private readonly limits: ReadLimits, private readonly onOversize: () => never) {
    this.scanner = new XmlScanner({
      open: (name) => {
        if (name === 'si') this.current = '';
        else if (name === 'rPh') this.phonetic++;
        else if (name === 't' && this.phonetic === 0) this.inText = true;
      },
      close: (name) => {
        if (name === 'si') {
          this.strings.push(decodeOoxmlEscapes(this.current ?? ''));
          this.current = null;
        } else if (name === 'rPh') this.phonetic--;
        else if (name === 't') this.inText = false;
      },
      text: (text) => {
        if (this.inText && this.current !== null) {
          this.current += text;
          this.chars += text.length;
          if (this.chars > this.limits.maxSharedStringChars) this.onOversize();
        }
      },
    });
  }
}
