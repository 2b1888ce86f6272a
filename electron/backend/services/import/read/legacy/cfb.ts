/**
 * A bounds-checked reader of Compound File Binary containers ([MS-CFB]: legacy .xls, and the wrapper
 * Office puts around password-protected .xlsx). SheetJS's own CFB reader aborts the whole process
 * (a V8 "invalid size" fatal error) on some corrupt sector chains, so the container is opened here:
 * every sector number is range-checked, every chain is bounded by the sector count and may not loop,
 * and a problem becomes a CfbError that the caller turns into a message naming the file.
 */

export class CfbError extends Error {
  constructor(readonly reason: 'truncated' | 'corrupt', detail: string) {
    super(detail);
    this.name = 'CfbError';
  }
}

export interface CfbEntry {
  name: string;
  type: 'storage' | 'stream' | 'root';
  size: number;
  /** Path below the root, e.g. "Workbook" or "_VBA_PROJECT_CUR/VBA". */
  path: string;
}

export interface CfbContainer {
  entries: CfbEntry[];
  /** The bytes of a stream by path (case-insensitive); null when there is no such stream. */
  read(path: string): Buffer | null;
}

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MAXREGSECT = 0xfffffffa;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;

export function isCfb(buf: Buffer): boolean {
  return buf.length >= 8 && buf.subarray(0, 8).equals(SIGNATURE);
}

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export function readCfb(buf: Buffer): CfbContainer {
  if (!isCfb(buf)) throw new CfbError('corrupt', 'not a compound file');
  if (buf.length < 512) throw new CfbError('truncated', 'header is incomplete');
  const major = buf.readUInt16LE(26);
  const sectorShift = buf.readUInt16LE(30);
  const miniShift = buf.readUInt16LE(32);
  if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) throw new CfbError('corrupt', `unsupported sector size 2^${sectorShift} (version ${major})`);
  if (miniShift !== 6) throw new CfbError('corrupt', `unsupported mini sector size 2^${miniShift}`);
  const sectorSize = 1 << sectorShift;
  const numFatSectors = buf.readUInt32LE(44);
  const firstDirSector = buf.readUInt32LE(48);
  const cutoff = buf.readUInt32LE(56);
  const firstMiniFat = buf.readUInt32LE(60);
  const numMiniFat = buf.readUInt32LE(64);
  let difatSector = buf.readUInt32LE(68);
  const numDifat = buf.readUInt32LE(72);

  // Sectors present in the file; a truncated file simply has fewer, and chains into the gap fail.
  const sectorCount = Math.max(0, Math.floor((buf.length - sectorSize) / sectorSize) + ((buf.length - sectorSize) % sectorSize > 0 ? 1 : 0));
  const sectorAt = (n: number): Buffer => {
    if (n > MAXREGSECT || n >= sectorCount) throw new CfbError(n >= sectorCount && n <= MAXREGSECT ? 'truncated' : 'corrupt', `sector ${n} is outside the file`);
    const start = (n + 1) * sectorSize;
    return buf.subarray(start, Math.min(start + sectorSize, buf.length));
  };

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  if (numFatSectors > sectorCount + 1) throw new CfbError('corrupt', `header claims ${numFatSectors} FAT sectors`);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < numFatSectors; i++) fatSectors.push(buf.readUInt32LE(76 + i * 4));
  const seenDifat = new Set<number>();
  for (let d = 0; d < numDifat && fatSectors.length < numFatSectors; d++) {
    if (difatSector === ENDOFCHAIN || difatSector === FREESECT) break;
    if (seenDifat.has(difatSector)) throw new CfbError('corrupt', 'DIFAT chain loops');
    seenDifat.add(difatSector);
    const s = sectorAt(difatSector);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < numFatSectors; i++) fatSectors.push(s.readUInt32LE(i * 4));
    difatSector = s.readUInt32LE(per * 4);
  }
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4));
  fatSectors.forEach((fs, i) => {
    const s = sectorAt(fs);
    for (let j = 0; j * 4 + 4 <= s.length; j++) fat[i * (sectorSize / 4) + j] = s.readUInt32LE(j * 4);
  });

  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    let n = start;
    while (n !== ENDOFCHAIN) {
      if (n === FREESECT || n > MAXREGSECT) throw new CfbError('corrupt', `broken sector chain at ${n}`);
      if (n >= table.length) throw new CfbError('truncated', `sector ${n} is outside the allocation table`);
      if (seen.has(n)) throw new CfbError('corrupt', 'sector chain loops');
      if (out.length >= limit) throw new CfbError('corrupt', 'sector chain is longer than the file');
      seen.add(n);
      out.push(n);
      n = table[n]!;
    }
    return out;
  };
  const readChain = (start: number, size: number | null): Buffer => {
    const sectors = chain(start, fat, sectorCount);
    const parts = sectors.map(sectorAt);
    const all = Buffer.concat(parts);
    if (size !== null && all.length < size) throw new CfbError('truncated', `stream needs ${size} bytes, chain holds ${all.length}`);
    return size === null ? all : all.subarray(0, size);
  };

  const dirBytes = readChain(firstDirSector, null);
  const dirs: DirEntry[] = [];
  for (let off = 0; off + 128 <= dirBytes.length; off += 128) {
    const nameLen = Math.min(64, dirBytes.readUInt16LE(off + 64));
    const name = dirBytes.toString('utf16le', off, off + Math.max(0, nameLen - 2));
    const sizeLow = dirBytes.readUInt32LE(off + 120);
    const sizeHigh = major === 4 ? dirBytes.readUInt32LE(off + 124) : 0;
    dirs.push({
      name,
      type: dirBytes[off + 66]!,
      left: dirBytes.readUInt32LE(off + 68),
      right: dirBytes.readUInt32LE(off + 72),
      child: dirBytes.readUInt32LE(off + 76),
      start: dirBytes.readUInt32LE(off + 116),
      size: sizeHigh > 0 ? Number.MAX_SAFE_INTEGER : sizeLow,
    });
  }
  const root = dirs[0];
  if (!root || root.type !== 5) throw new CfbError('corrupt', 'no root directory entry');
  for (const d of dirs) if (d.size > buf.length * 2 && d.type === 2) throw new CfbError('corrupt', `stream "${d.name}" claims ${d.size} bytes`);

  let miniStream: Buffer | null = null;
  let miniFat: Uint32Array | null = null;
  const mini = (): { stream: Buffer; table: Uint32Array } => {
    if (!miniStream || !miniFat) {
      miniStream = root.start === ENDOFCHAIN ? Buffer.alloc(0) : readChain(root.start, Math.min(root.size, buf.length));
      const mf = numMiniFat > 0 && firstMiniFat !== ENDOFCHAIN ? readChain(firstMiniFat, null) : Buffer.alloc(0);
      miniFat = new Uint32Array(Math.floor(mf.length / 4));
      for (let i = 0; i < miniFat.length; i++) miniFat[i] = mf.readUInt32LE(i * 4);
    }
    return { stream: miniStream, table: miniFat };
  };

  // Walk the red-black trees from the root; a visited set stops malicious cycles.
  const entries: CfbEntry[] = [];
  const byPath = new Map<string, DirEntry>();
  const visited = new Set<number>();
  const walk = (id: number, prefix: string, depth: number): void => {
    if (id === NOSTREAM || id >= dirs.length || visited.has(id) || depth > 64) return;
    visited.add(id);
    const d = dirs[id]!;
    walk(d.left, prefix, depth + 1);
    walk(d.right, prefix, depth + 1);
    if (d.type === 1 || d.type === 2) {
      const path = `${prefix}${d.name}`;
      entries.push({ name: d.name, type: d.type === 1 ? 'storage' : 'stream', size: d.size, path });
      byPath.set(path.toLowerCase(), d);
      if (d.type === 1) walk(d.child, `${path}/`, depth + 1);
    }
  };
  visited.add(0);
  walk(root.child, '', 0);

  return {
    entries,
    read(path) {
      const d = byPath.get(path.toLowerCase());
      if (!d || d.type !== 2) return null;
      if (d.size === 0) return Buffer.alloc(0);
      if (d.size < cutoff) {
        const m = mini();
        const sectors = chain(d.start, m.table, Math.ceil(m.stream.length / 64) + 1);
        const parts = sectors.map((n) => {
          if ((n + 1) * 64 > m.stream.length) throw new CfbError('truncated', `mini sector ${n} is outside the mini stream`);
          return m.stream.subarray(n * 64, n * 64 + 64);
        });
        const all = Buffer.concat(parts);
        if (all.length < d.size) throw new CfbError('truncated', `stream "${d.name}" is incomplete`);
        return all.subarray(0, d.size);
      }
      return readChain(d.start, d.size);
    },
  };
}
