import type { Contract } from '../../../../shared/contract';
import type { OutputOf } from '../../../../shared/rpc/types';

export type FileInfo = OutputOf<Contract, 'imports.open'>;
export type Preview = OutputOf<Contract, 'imports.preview'>;
export type MappingInfo = OutputOf<Contract, 'imports.mapping'>;
export type Summary = OutputOf<Contract, 'imports.validate'>;
export type ImportRow = OutputOf<Contract, 'imports.rows'>['items'][number];
export type CommitResult = OutputOf<Contract, 'imports.commit'>;
export type Batch = OutputOf<Contract, 'imports.list'>[number];
export type Kind = MappingInfo['kind'];
export type Policy = 'skip' | 'update' | 'create';
export type Encoding = 'auto' | 'utf8' | 'gb18030' | 'utf16le' | 'utf16be' | 'windows-1252';
export type RowFilter = 'all' | 'errors' | 'warnings' | 'duplicates' | 'create' | 'update' | 'unchanged' | 'skip';

export const KINDS: Kind[] = ['accounts', 'reps', 'followups', 'orders', 'payments', 'targets'];

/** A suggestion "张三（E001）" names an ambiguous record by its number: that is what resolves it. */
export function suggestionValue(s: string): string {
  const m = /（([^（）]+)）$/.exec(s);
  return m ? m[1]! : s;
}
