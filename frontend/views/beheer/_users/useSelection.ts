import { useCallback, useState } from 'react';
import { type Target } from '../../../lib/users';

/**
 * The users ticked for a task: their ids, and what the list has seen of them (name, roles) for the dialog. "Select
 * all N" replaces the ids with the ids of every matching user (one `School.userIds` request).
 */
export function useSelection() {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [known, setKnown] = useState<ReadonlyMap<string, Target>>(new Map());
  const remember = useCallback((targets: readonly Target[]) => {
    setKnown((k) => {
      const next = new Map(k);
      targets.forEach((target) => next.set(target.id, target));
      return next;
    });
  }, []);
  return {
    ids,
    known,
    count: ids.size,
    has: (id: string) => ids.has(id),
    toggle: (target: Target, on: boolean) => {
      remember([target]);
      setIds((current) => {
        const next = new Set(current);
        if (on) next.add(target.id);
        else next.delete(target.id);
        return next;
      });
    },
    selectAll: (all: readonly string[], seen: readonly Target[]) => {
      remember(seen);
      setIds(new Set(all));
    },
    clear: useCallback(() => setIds(new Set()), []),
  };
}

export type SelectionState = ReturnType<typeof useSelection>;
