import { createContext, useContext } from 'react';
import type { Status } from '../../../shared/contract/system';

export interface AppState {
  status: Status;
  refreshStatus(): Promise<void>;
}

export const AppContext = createContext<AppState | null>(null);

/** The app status (current user, language, database location) and a way to reload it. */
export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppContext');
  return ctx;
}
