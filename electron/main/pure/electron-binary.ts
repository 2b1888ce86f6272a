import { join } from 'node:path';

export type ElectronBinaryStatus = { ok: true; executable: string } | { ok: false; reason: string };

/**
 * Whether node_modules/electron has its binary. The npm package only holds a downloader; the binary
 * arrives in its postinstall (skipped with ELECTRON_SKIP_BINARY_DOWNLOAD or without internet). It is
 * present when path.txt names a file that exists under dist/, as node_modules/electron/index.js assumes.
 */
export function electronBinaryStatus(
  electronPackageDir: string,
  fs: { exists(path: string): boolean; readText(path: string): string },
  env: Record<string, string | undefined> = {},
): ElectronBinaryStatus {
  const pathTxt = join(electronPackageDir, 'path.txt');
  if (!fs.exists(pathTxt)) return { ok: false, reason: `${pathTxt} is missing` };
  const relative = fs.readText(pathTxt).trim();
  if (relative === '') return { ok: false, reason: `${pathTxt} is empty` };
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronPackageDir, 'dist');
  const executable = join(distDir, relative);
  if (!fs.exists(executable)) return { ok: false, reason: `${executable} is missing` };
  return { ok: true, executable };
}

/**
 * What `npm start` prints when the binary is missing (zh-CN first, then English): how to get it and
 * that `npm run preview` runs the same app in a browser meanwhile.
 */
export function missingElectronMessage(opts: { reason: string; skipDownloadSet: boolean; platform: NodeJS.Platform }): string {
  const unset = opts.platform === 'win32' ? 'set ELECTRON_SKIP_BINARY_DOWNLOAD=' : 'unset ELECTRON_SKIP_BINARY_DOWNLOAD';
  const command = 'node node_modules/electron/install.js';
  const skipZh = opts.skipDownloadSet ? `\n  （当前设置了 ELECTRON_SKIP_BINARY_DOWNLOAD，下载前先执行：${unset}）` : '';
  const skipEn = opts.skipDownloadSet ? `\n  (ELECTRON_SKIP_BINARY_DOWNLOAD is set; run \`${unset}\` first)` : '';
  return [
    '✗ 没有找到 Electron 程序：node_modules/electron 里只有下载器，程序本体在安装时没有下载下来。',
    `  （${opts.reason}）`,
    `  在能上网的电脑上执行下面的命令下载它（约 100 MB），然后再运行 npm start：${skipZh}`,
    `      ${command}`,
    '  没有 Electron 也能使用：npm run preview 会在浏览器里运行同一个应用（同一个数据库）。',
    '',
    '✗ The Electron binary is missing: node_modules/electron only holds its downloader, and the binary',
    `  was not downloaded at install time (${opts.reason}).`,
    `  With internet access, download it (about 100 MB), then run npm start again:${skipEn}`,
    `      ${command}`,
    '  Meanwhile, `npm run preview` runs the same app (same database) in a browser.',
  ].join('\n');
}
