import { useEffect, useState } from 'react';

function take(clear: boolean): string {
  const fragment = window.location.hash.replace(/^#/, '');
  if (fragment && clear) history.replaceState(null, '', window.location.pathname);
  return fragment;
}

/**
 * The secret of a mailed link (activation, password reset, invitation, e-mail confirmation), read from the URL fragment
 * so that it never reaches a server log or a Referer. A second mailed link opened in the same tab changes only the
 * fragment, without loading the page again: the hook then returns the new secret, and a page keyed on it starts over.
 * With `clear`, the fragment leaves the address bar as soon as it is read.
 */
export function useLinkSecret({ clear = false }: { clear?: boolean } = {}): string {
  const [secret, setSecret] = useState(() => take(clear));
  useEffect(() => {
    const follow = () => {
      const next = take(clear);
      if (next) setSecret(next);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [clear]);
  return secret;
}
