import type { Reason } from '@baken/core/duplicates/duplicate-score';
import type { TFunction } from 'i18next';

/** "same phone number, similar name at the same company (0,82)" in the reader's language. */
export function reasonsText(t: TFunction<'duplicates'>, reasons: Reason[], language: string): string {
  return reasons
    .map((reason) =>
      t(`reasons.${reason.code}`, {
        similarity:
          reason.similarity === undefined
            ? ''
            : reason.similarity.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', {
                minimumFractionDigits: 2,
                maximumFractionDigits: 2,
              }),
      }),
    )
    .join(', ');
}
