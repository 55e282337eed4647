import { type ReactNode, useEffect } from 'react';

/** Sets the browser tab's title ("… · Klaspoort"), so every page has a meaningful title (X7). */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Klaspoort` : 'Klaspoort';
  }, [title]);
}

/**
 * The top of a screen: its `<h1>` (with `id` for the section's `aria-labelledby`), an optional subtitle, and the
 * screen's actions on the right. Also sets the page title.
 */
export function PageHeader({
  id,
  title,
  subtitle,
  children,
}: {
  id: string;
  title: string;
  subtitle?: ReactNode;
  children?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <>
      <div className="kp-admin-head">
        <h1 id={id}>{title}</h1>
        <span className="kp-spacer" />
        {children}
      </div>
      {subtitle && <p className="kp-subtitle">{subtitle}</p>}
    </>
  );
}
