import { Button } from '@vaadin/react-components/Button.js';
import { useState } from 'react';
import type { DashboardItemRowFragment } from '../../gql/graphql';
import { t } from '../../i18n';

/** D1 "Aan de slag met Klaspoort": the publisher's instruction videos one at a time, with arrows to the others. */
export function VideoCarousel({ videos }: { videos: readonly DashboardItemRowFragment[] }) {
  const [index, setIndex] = useState(0);
  if (videos.length === 0) return <p>{t('dashboard.videos.none')}</p>;
  const at = Math.min(index, videos.length - 1);
  const video = videos[at];
  const move = (step: number) => setIndex((at + step + videos.length) % videos.length);
  return (
    <div className="kp-carousel" role="group" aria-roledescription={t('dashboard.videos.carousel')} aria-label={t('dashboard.videos.title')}>
      <Button theme="icon tertiary" aria-label={t('dashboard.videos.previous')} disabled={videos.length < 2} onClick={() => move(-1)}>
        ‹
      </Button>
      <div className="kp-carousel-item" aria-live="polite">
        <p className="kp-secondary">{t('dashboard.videos.position', { position: at + 1, count: videos.length })}</p>
        <h3>{video.title}</h3>
        {video.body && <p>{video.body}</p>}
        {video.url && (
          <a href={video.url} target="_blank" rel="noopener noreferrer">
            {t('dashboard.videos.watch', { title: video.title })}
          </a>
        )}
      </div>
      <Button theme="icon tertiary" aria-label={t('dashboard.videos.next')} disabled={videos.length < 2} onClick={() => move(1)}>
        ›
      </Button>
    </div>
  );
}
