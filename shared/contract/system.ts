import { z } from 'zod';
import { okSchema, roleSchema } from './common';
import { settingsPatchSchema, settingsSchema } from './settings';
import type { ContractShape } from '../rpc/types';

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  hasPassword: z.boolean(),
});
export type SessionUser = z.output<typeof sessionUserSchema>;

export const statusSchema = z.object({
  appVersion: z.string(),
  firstRun: z.boolean(),
  signInRequired: z.boolean(),
  language: z.enum(['zh-CN', 'en']),
  user: sessionUserSchema.nullable(),
  /** Profiles to choose from on the sign-in screen (no secrets). */
  profiles: z.array(z.object({ username: z.string(), displayName: z.string() })),
  dbFile: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  today: z.string(),
  canOpenFolders: z.boolean(),
  /** Native open/save dialogs exist (the desktop app); otherwise the UI offers drag-and-drop/upload. */
  canPickFiles: z.boolean(),
});
export type Status = z.output<typeof statusSchema>;

const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fff]+$/, 'letters, digits, _ . - or Chinese characters');
export const passwordSchema = z.string().min(6).max(128);

export const systemContract = {
  'system.status': { input: z.object({}).strict(), output: statusSchema, access: 'public', summary: 'App, database and session status' },
  'setup.complete': {
    input: z.object({
      admin: z.object({ username: usernameSchema, displayName: z.string().trim().min(1).max(50), password: passwordSchema.optional() }),
      demo: z.boolean(),
      language: z.enum(['zh-CN', 'en']).default('zh-CN'),
    }),
    output: statusSchema,
    access: 'public',
    summary: 'First run: create the admin profile and optionally load demo data',
  },
  'session.signIn': {
    input: z.object({ username: z.string().trim().min(1).max(32), password: z.string().max(128).default('') }),
    output: statusSchema,
    access: 'public',
  },
  'session.signOut': { input: z.object({}).strict(), output: statusSchema, access: 'user' },
  'settings.get': { input: z.object({}).strict(), output: settingsSchema, access: 'user' },
  'settings.update': { input: settingsPatchSchema, output: settingsSchema, access: 'user' },
  'users.list': {
    input: z.object({}).strict(),
    output: z.array(sessionUserSchema.extend({ active: z.boolean(), lastSignInAt: z.number().nullable(), version: z.number().int() })),
    access: 'admin',
  },
  'users.create': {
    input: z.object({ username: usernameSchema, displayName: z.string().trim().min(1).max(50), role: roleSchema, password: passwordSchema.optional() }),
    output: sessionUserSchema,
    access: 'admin',
  },
  'users.update': {
    input: z.object({ id: z.string(), version: z.number().int(), displayName: z.string().trim().min(1).max(50).optional(), role: roleSchema.optional(), active: z.boolean().optional() }),
    output: sessionUserSchema,
    access: 'admin',
  },
  'users.setPassword': {
    input: z.object({ id: z.string(), currentPassword: z.string().max(128).optional(), newPassword: passwordSchema }),
    output: okSchema,
    access: 'user',
  },
  'backup.create': {
    input: z.object({ file: z.string().min(1).max(1000).optional() }).strict(),
    output: z.object({ file: z.string(), bytes: z.number().int() }),
    access: 'user',
    summary: 'Back the database up now (to the backups folder, or to a file)',
  },
  'system.openDataFolder': { input: z.object({}).strict(), output: okSchema, access: 'user' },
} satisfies ContractShape;
