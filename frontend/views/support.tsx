import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Busy, LoadFailed } from '../components/Busy';
import type { MenuDetail } from '../components/AdminNav';
import { PageHeader } from '../components/PageHeader';
import { SupportDocument } from '../gql/graphql';
import { t } from '../i18n';
import { useGqlQuery } from '../lib/data';
import { useSession } from '../lib/session';
import { ContactForm } from './_support/ContactForm';
import { Faq } from './_support/Faq';

export const config: ViewConfig<MenuDetail> = {
  title: 'support.title',
  menu: { order: 3 },
  detail: { main: { title: 'nav.support', professionalsOnly: true } },
};

/**
 * Support for admins and supervisors: product status (S1), FAQ (S2), the manual (S3), the contact form (S4), remote
 * support (S5), login help (S6).
 */
export default function SupportView() {
  const { schoolId } = useSession();
  const query = useGqlQuery(SupportDocument, {});
  if (query.error && !query.data) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Busy />;
  const { support, products } = query.data;
  return (
    <section aria-labelledby="support-title" className="kp-support">
      <PageHeader id="support-title" title={t('support.title')} />
      <p>
        <a href="productstatus">{t('support.status.link')}</a>
      </p>
      <Faq />
      <section aria-labelledby="manual-title">
        <h2 id="manual-title">{t('support.manual.title')}</h2>
        <p>{t('support.manual.intro')}</p>
        <p>
          <a href={support.manualUrl.replace(/^\//, '')} download="handleiding-klaspoort.pdf">
            {t('support.manual.download')}
          </a>
        </p>
      </section>
      {schoolId && <ContactForm schoolId={schoolId} products={products} />}
      <section aria-labelledby="remote-title">
        <h2 id="remote-title">{t('support.remote.title')}</h2>
        <p>{t('support.remote.intro')}</p>
        {support.remoteSupportUrl ? (
          <p>
            <a href={support.remoteSupportUrl} rel="noopener noreferrer" target="_blank">
              {t('support.remote.download')}
            </a>
          </p>
        ) : (
          <p>{t('support.remote.none')}</p>
        )}
      </section>
      <section aria-labelledby="login-help-title">
        <h2 id="login-help-title">{t('support.login.title')}</h2>
        <p>{t('account.help.username')}</p>
        <p>{t('account.help.pupils')}</p>
        <p>
          <a href="wachtwoord-vergeten">{t('login.forgot')}</a>
        </p>
      </section>
    </section>
  );
}
