import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { useQuery } from '@tanstack/react-query';
import { Busy, LoadFailed } from '../components/Busy';
import { Providers } from '../components/Providers';
import { t, useLanguage } from '../i18n';
import { useFormat } from '../i18n/format';
import { AccountPage } from './_account/AccountPage';

export const config: ViewConfig = { title: 'status.title', skipLayouts: true, menu: { exclude: true } };

interface Update {
  id: number;
  status: 'OK' | 'DISRUPTED' | 'MAINTENANCE' | null;
  title: string;
  body: string;
  publishedAt: string;
}

interface ProductStatus {
  code: string;
  name: string;
  status: 'OK' | 'DISRUPTED' | 'MAINTENANCE';
  since: string | null;
  history: Update[];
  releaseNotes: Update[];
}

/** S1: every product's status with its history and release notes, for everyone (also before signing in). */
function Status() {
  const language = useLanguage();
  const format = useFormat();
  const query = useQuery({
    queryKey: ['support-status', language],
    queryFn: async ({ signal }) => {
      const response = await fetch('/support/status', { signal, headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      return (await response.json()) as ProductStatus[];
    },
  });
  return (
    <AccountPage title={t('status.title')}>
      {query.isPending && <Busy />}
      {query.error && <LoadFailed onRetry={() => void query.refetch()} />}
      {query.data?.map((product) => (
        <section key={product.code} aria-labelledby={`status-${product.code}`} className="kp-status">
          <h2 id={`status-${product.code}`}>{product.name}</h2>
          <p className={`kp-status-now kp-status-${product.status.toLowerCase()}`}>
            {t(`status.level.${product.status}`)}
            {product.since && ` · ${t('status.since', { date: format.dateTime(product.since) })}`}
          </p>
          {product.history.length > 0 && (
            <>
              <h3>{t('status.history')}</h3>
              <ul>
                {product.history.map((u) => (
                  <li key={u.id}>
                    <strong>{u.title}</strong> ({t(`status.level.${u.status ?? 'OK'}`)}, {format.dateTime(u.publishedAt)})
                    {u.body && <p>{u.body}</p>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('status.releaseNotes')}</h3>
          {product.releaseNotes.length === 0 ? (
            <p>{t('status.noReleaseNotes')}</p>
          ) : (
            <ul>
              {product.releaseNotes.map((n) => (
                <li key={n.id}>
                  <strong>{n.title}</strong> ({format.date(n.publishedAt)})
                  {n.body && <p>{n.body}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p>
        <a href="login">{t('account.backToLogin')}</a>
      </p>
    </AccountPage>
  );
}

export default function ProductStatusView() {
  return (
    <Providers>
      <Status />
    </Providers>
  );
}
