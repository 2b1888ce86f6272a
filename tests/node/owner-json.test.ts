import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownerJson, ownerStateJson } from '../../electron/backend/services/owner-changes';

describe('owner state JSON', () => {
  it('is exactly what JSON.stringify gives, for any values', () => {
    const id = fc.option(fc.oneof(fc.stringMatching(/^[0-9A-Z]{26}$/), fc.string()), { nil: null });
    fc.assert(
      fc.property(id, fc.option(fc.nat(), { nil: null }), id, fc.option(fc.nat(), { nil: null }), fc.nat(), id, fc.integer({ min: 1 }), (ownerRepId, ownedSince, previousOwnerRepId, pooledAt, updatedAt, updatedBy, version) => {
        const s = { ownerRepId, ownedSince, previousOwnerRepId, pooledAt, updatedAt, updatedBy, version };
        expect(ownerStateJson(s)).toBe(JSON.stringify(s));
        expect(ownerJson(ownerRepId)).toBe(JSON.stringify({ ownerRepId }));
      }),
    );
  });
});
