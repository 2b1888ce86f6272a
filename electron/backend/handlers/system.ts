import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema';
import { schemaVersion } from '../../../db/migrate';
import type { systemContract, Status } from '../../../shared/contract/system';
import { msg } from '../../../shared/i18n/text';
import { AppError } from '../../../shared/rpc/errors';
import type { Handlers } from '../../../shared/rpc/types';
import { APP_VERSION } from '../version';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { backupTo, timestampedBackupFile } from '../services/backup';
import { seedDemo } from '../services/demo/seed-demo';
import { writeSettings } from '../services/settings';
import { CREDIT_SETTING_KEYS } from '../../../shared/contract/credit-settings';
import { authenticate, createUser, listUsers, setPassword, toSessionUser, updateUser } from '../services/users';

export function status(rt: Runtime): Status {
  const { core, session } = rt;
  const s = core.settings();
  const all = listUsers(core);
  return {
    appVersion: APP_VERSION,
    firstRun: all.length === 0,
    signInRequired: s.signInRequired,
    language: s.language,
    user: session.user,
    profiles: all.filter((u) => u.active).map((u) => ({ username: u.username, displayName: u.displayName })),
    dbFile: core.dbFile,
    dataDir: core.dataDir,
    schemaVersion: schemaVersion(core.sqlite),
    today: core.today(),
    canOpenFolders: core.files.canOpenFolders,
    canPickFiles: core.files.canPickFiles,
  };
}

export function systemHandlers(rt: Runtime): Handlers<typeof systemContract, CallContext> {
  const { core, session } = rt;
  return {
    'system.status': () => status(rt),
    'setup.complete': (input) => {
      core.tx(() => {
        if (listUsers(core).length > 0) throw new AppError('CONFLICT', msg('已经完成初始设置', 'Setup has already been completed'));
        const admin = createUser(core, { id: null, name: input.admin.displayName }, { ...input.admin, role: 'admin' });
        writeSettings(core.db, { language: input.language }, { id: admin.id, name: admin.displayName }, core.clock.now());
        session.user = toSessionUser(admin);
      });
      if (input.demo) seedDemo(core, { actor: session.actor() });
      core.events.emit('session.changed', {});
      core.events.emit('data.changed', { entities: ['*'] });
      return status(rt);
    },
    'session.signIn': (input) => {
      const u = authenticate(core, input.username, input.password);
      core.db.update(users).set({ lastSignInAt: core.clock.now() }).where(eq(users.id, u.id)).run();
      session.user = toSessionUser(u);
      core.events.emit('session.changed', {});
      return status(rt);
    },
    'session.signOut': () => {
      session.user = null;
      if (!core.settings().signInRequired) {
        // Without sign-in there is nobody else to become; signing out just re-selects the profile.
        session.restore();
      }
      core.events.emit('session.changed', {});
      return status(rt);
    },
    'settings.get': () => core.settings(),
    'settings.update': (patch, ctx) => {
      const adminOnly = (['signInRequired', 'companyName', 'timeZone', 'backupKeepDays'] as const).some((k) => patch[k] !== undefined);
      if (adminOnly && ctx.role !== 'admin') throw new AppError('FORBIDDEN', msg('只有管理员可以修改这些设置', 'Only an admin can change these settings'));
      // Credit defaults and thresholds belong to managers (and are audited through credit.updateDefaults).
      if (CREDIT_SETTING_KEYS.some((k) => patch[k] !== undefined) && ctx.role !== 'admin' && ctx.role !== 'manager') {
        throw new AppError('FORBIDDEN', msg('只有经理或管理员可以修改信用设置', 'Only a manager or admin can change the credit settings'));
      }
      if (patch.signInRequired) {
        const withoutPassword = listUsers(core).filter((u) => u.active && u.passwordHash === null);
        if (withoutPassword.length > 0) {
          throw new AppError(
            'RULE_VIOLATION',
            msg(`开启登录前，请先为这些用户设置密码：${withoutPassword.map((u) => u.displayName).join('、')}`, `Set a password for these users before requiring sign-in: ${withoutPassword.map((u) => u.displayName).join(', ')}`),
          );
        }
      }
      core.tx(() => writeSettings(core.db, patch, ctx.actor, core.clock.now()));
      rt.invalidateSettings();
      core.events.emit('session.changed', {});
      return core.settings();
    },
    'users.list': () => listUsers(core).map((u) => ({ ...toSessionUser(u), active: u.active, lastSignInAt: u.lastSignInAt, version: u.version })),
    'users.create': (input, ctx) => toSessionUser(createUser(core, ctx.actor, input)),
    'users.update': (input, ctx) => {
      const u = toSessionUser(updateUser(core, ctx.actor, input));
      if (session.user?.id === u.id) session.user = u;
      return u;
    },
    'users.setPassword': (input, ctx) => {
      setPassword(core, ctx.actor, ctx.user!, input);
      return { ok: true as const };
    },
    'backup.create': async (input) => {
      const file = input.file ?? timestampedBackupFile(core.dataDir, 'manual', core.clock.now());
      return backupTo(core.sqlite, file);
    },
    'system.openDataFolder': async () => {
      if (!core.files.canOpenFolders) throw new AppError('UNSUPPORTED', msg(`浏览器预览无法打开文件夹，数据位置：${core.dataDir}`, `The browser preview cannot open folders; data lives in ${core.dataDir}`));
      await core.files.openFolder(core.dataDir);
      return { ok: true as const };
    },
  };
}

