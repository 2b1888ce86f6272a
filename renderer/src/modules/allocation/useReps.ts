import { useCallback, useEffect, useState } from 'react';
import type { Rep } from '../../../../shared/contract/reference';
import { api, onEvent } from '../../api';

/** The reps with their current load, kept fresh when accounts or reps change. */
export function useReps(includeLeft = false): { reps: Rep[]; reload(): void } {
  const [reps, setReps] = useState<Rep[]>([]);
  const reload = useCallback(() => {
    void api.call('reps.list', { includeLeft }).then(setReps);
  }, [includeLeft]);
  useEffect(() => {
    reload();
    return onEvent('data.changed', (p) => {
      if (p.entities.some((e) => e === 'reps' || e === 'accounts' || e === '*')) reload();
    });
  }, [reload]);
  return { reps, reload };
}
