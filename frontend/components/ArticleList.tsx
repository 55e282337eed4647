import type { SupportArticleFragment } from '../gql/graphql';
import { useFormat } from '../i18n/format';

/** Support articles (FAQ, documents, Informatieplein items): title, date, text in paragraphs, and the link if any. */
export function ArticleList({ articles, linkText }: { articles: readonly SupportArticleFragment[]; linkText: string }) {
  const format = useFormat();
  return (
    <ul className="kp-articles">
      {articles.map((a) => (
        <li key={a.id}>
          <h3>{a.title}</h3>
          <p className="kp-subtitle">
            {a.productName ? `${a.productName} · ` : ''}
            {format.date(a.publishedAt)}
          </p>
          {a.body.split(/\n\s*\n/).filter(Boolean).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
          {a.url && (
            <p>
              <a href={a.url} target="_blank" rel="noopener noreferrer">
                {linkText}: {a.title}
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
