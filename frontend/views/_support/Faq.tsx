import { TextField } from '@vaadin/react-components/TextField.js';
import { useEffect, useState } from 'react';
import { ArticleList } from '../../components/ArticleList';
import { Busy, LoadFailed } from '../../components/Busy';
import { EmptyState } from '../../components/EmptyState';
import { SupportFaqDocument } from '../../gql/graphql';
import { t } from '../../i18n';
import { useGqlQuery } from '../../lib/data';

/** S2: the publisher's frequently asked questions, searched as the user types. */
export function Faq() {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = useGqlQuery(SupportFaqDocument, { search: search || null }, { keepPrevious: true });
  return (
    <section aria-labelledby="faq-title">
      <h2 id="faq-title">{t('support.faq.title')}</h2>
      <TextField label={t('support.faq.search')} value={typed} maxlength={100} clearButtonVisible onValueChanged={(e) => setTyped(e.detail.value)} />
      {query.error && !query.data && <LoadFailed error={query.error} onRetry={() => void query.refetch()} />}
      {!query.data && !query.error && <Busy />}
      {query.data && query.data.supportFaq.length === 0 && (
        <EmptyState title={search ? t('support.faq.noneFound') : t('support.faq.none')} hint={t('support.faq.hint')} />
      )}
      {query.data && <ArticleList articles={query.data.supportFaq} linkText={t('support.moreInfo')} />}
    </section>
  );
}
