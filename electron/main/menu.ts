import { Menu, type MenuItemConstructorOptions, app } from 'electron';
import type { Backend } from '../backend/createBackend';
import { type MenuAction, type MenuItemSpec, buildMenuTemplate } from './pure/menu-template';

function toElectron(items: MenuItemSpec[], actions: Record<MenuAction, () => void>): MenuItemConstructorOptions[] {
  return items.map(({ action, submenu, ...rest }) => ({
    ...rest,
    ...(action ? { click: () => actions[action]() } : {}),
    ...(submenu ? { submenu: toElectron(submenu, actions) } : {}),
  }));
}

/** Sets the application menu in the current language and rebuilds it whenever the session changes. */
export function installMenu(backend: Backend, actions: Record<MenuAction, () => void>): () => void {
  const apply = (): void => {
    const template = buildMenuTemplate({ lang: backend.core.settings().language, platform: process.platform, isPackaged: app.isPackaged, appName: app.getName() });
    Menu.setApplicationMenu(Menu.buildFromTemplate(toElectron(template, actions)));
  };
  apply();
  return backend.events.subscribe((name) => {
    if (name === 'session.changed') apply();
  });
}
