import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { usePageTitle } from '../components/PageHeader';
import { t } from '../i18n';

export const config: ViewConfig = { title: 'notFound.title', menu: { exclude: true } };

/** Every address no view claims (also the manual's sections not built yet: /abonnementen, /support, /status, …). */
export default function NotFoundView() {
  usePageTitle(t('notFound.title'));
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <EmptyState title={t('notFound.text')} action={<Link to="/">{t('notFound.home')}</Link>} />
    </section>
  );
}
