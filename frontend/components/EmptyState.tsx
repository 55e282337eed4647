import type { ReactNode } from 'react';

/** An empty list or section: why it is empty, and what to do about it (a hint, optionally an action). */
export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <div className="kp-empty" role="status">
      <p className="kp-empty-title">{title}</p>
      {hint && <p>{hint}</p>}
      {action}
    </div>
  );
}
