import type { Faker } from '@faker-js/faker';
// The zh_CN entry point alone: importing the package root loads every locale (~0.5 s at start).
import { faker as fakerZH_CN } from '@faker-js/faker/locale/zh_CN';
import { fromDayNumber, toDayNumber } from '../../../../shared/domain/dates';
import type { Sqlite } from '../../../../db/client';
import type { Actor, Core } from '../../core';
import { seededIdFactory } from '../../ids';
import { DocNumbers } from './doc-numbers';
import { SeededRandom } from './random';

const DAY_MS = 86_400_000;
/** Timestamps are placed in Beijing office hours (UTC+8). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Everything the generator's parts share: randomness, ids, the calendar and the database. */
export interface SeedContext {
  core: Core;
  sqlite: Sqlite;
  actor: Actor;
  /** The random stream for decisions; ids have their own so that they never shift other draws. */
  r: SeededRandom;
  /** fakerZH_CN's data, seeded: person names and the like. */
  faker: Faker;
  id(at: number): string;
  numbers: DocNumbers;
  /** Day numbers (days since 1970-01-01): today, the last day history reaches (yesterday), the first. */
  todayDay: number;
  lastDay: number;
  startDay: number;
  today: string;
  /** An epoch-ms moment during office hours on a day. */
  stamp(day: number): number;
  date(day: number): string;
}

export function createSeedContext(core: Core, actor: Actor, seed: number, months: number): SeedContext {
  const r = new SeededRandom(seed);
  const idRandom = new SeededRandom(seed ^ 0x5eed1d5);
  const faker = fakerZH_CN;
  faker.seed(seed);
  const nextId = seededIdFactory(() => idRandom.next());
  const today = core.today();
  const todayDay = toDayNumber(today);
  const [y, m, dd] = today.split('-').map(Number) as [number, number, number];
  const startDay = Math.round(Date.UTC(y, m - 1 - months, dd) / DAY_MS);
  const dateCache = new Map<number, string>();
  return {
    core,
    sqlite: core.sqlite,
    actor,
    r,
    faker,
    id: nextId,
    numbers: new DocNumbers(core.sqlite),
    todayDay,
    lastDay: todayDay - 1,
    startDay,
    today,
    stamp: (day) => day * DAY_MS - BEIJING_OFFSET_MS + (8.5 * 3600 + Math.floor(r.next() * 9.5 * 3600)) * 1000,
    date: (day) => {
      let s = dateCache.get(day);
      if (s === undefined) {
        s = fromDayNumber(day);
        dateCache.set(day, s);
      }
      return s;
    },
  };
}
