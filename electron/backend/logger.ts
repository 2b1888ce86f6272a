export interface Logger {
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (m, e) => console.info(`[salesdesk] ${m}`, ...(e === undefined ? [] : [e])),
  warn: (m, e) => console.warn(`[salesdesk] ${m}`, ...(e === undefined ? [] : [e])),
  error: (m, e) => console.error(`[salesdesk] ${m}`, ...(e === undefined ? [] : [e])),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
