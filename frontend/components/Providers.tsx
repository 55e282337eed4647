import { QueryClientProvider, useIsFetching } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isI18nReady } from '../i18n';
import { queryClient } from '../lib/data';
import '../styles/klaspoort.css';

/** What every page needs: the data cache, and the texts of the user's language (nothing renders before they load). */
export function Providers({ children }: { children: ReactNode }) {
  if (!isI18nReady()) {
    return <div className="kp-busy" role="status" aria-label="Klaspoort" />;
  }
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** A thin bar at the top of the page while any request runs. */
export function ActivityBar() {
  const fetching = useIsFetching();
  return <div className={`kp-activity${fetching ? ' kp-activity-on' : ''}`} aria-hidden="true" />;
}
