// Shown while a page's code or first data is on its way. Plain CSS, no UI library: it is part of the
// small entry chunk and may show before the rest of the app has loaded.
import { useTranslation } from 'react-i18next';
import './page-pending.css';

export function PagePending() {
  const { t } = useTranslation();
  return (
    <div className="baken-page-pending" role="status">
      <span className="baken-page-pending__spinner" aria-hidden />
      <span className="baken-page-pending__label">{t('common.loading')}</span>
    </div>
  );
}
