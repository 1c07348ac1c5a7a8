// Deal cards are plain elements styled by board.module.css rather than Mantine components: a board
// shows up to a few hundred of them at once, and each Mantine Card, Tooltip and Avatar costs hooks
// and style work that made the first paint of the board take seconds. The grip is drawn by CSS: an
// SVG icon per card was a third of the board's DOM nodes.
import { useDraggable } from '@dnd-kit/core';
import { Link } from '@tanstack/react-router';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountName } from '../app/account-names.ts';
import { formatDate, formatMoney } from '../app/format.ts';
import classes from './board.module.css';
import { initialsOf } from './board-columns.ts';
import type { Deal } from './board-deals.ts';

export interface CardFacts {
  deal: Deal;
  ownerName: string | undefined;
}

function CardBody({ deal, ownerName }: CardFacts) {
  const accountName = useAccountName(deal.accountId);
  return (
    <div className={classes.cardBody}>
      <Link to="/deals/$id" params={{ id: deal.id }} className={classes.cardTitle}>
        {deal.name}
      </Link>
      {accountName && <span className={classes.cardAccount}>{accountName}</span>}
      <div className={classes.cardFooter}>
        <span className={classes.cardAmount}>{formatMoney(deal.amount, deal.currency)}</span>
        <span className={classes.cardMeta}>
          {formatDate(deal.expectedCloseDate)}
          {ownerName && (
            <span className={classes.owner} title={ownerName} role="img" aria-label={ownerName}>
              {initialsOf(ownerName)}
            </span>
          )}
        </span>
      </div>
    </div>
  );
}

/** A card as it floats under the pointer while dragging. */
export function DealCardPreview(props: CardFacts) {
  return (
    <div className={`${classes.card} ${classes.cardLifted}`}>
      <CardBody {...props} />
    </div>
  );
}

/** A card a viewer sees: nothing to drag. */
export const StaticDealCard = memo(function StaticDealCard(props: CardFacts) {
  return (
    <div className={`${classes.card} ${classes.cardStatic}`} data-testid="deal-card">
      <CardBody {...props} />
    </div>
  );
});

/**
 * The whole card can be dragged with a mouse or finger; for the keyboard the grip button is the
 * one place that starts a drag, so Enter on the deal's link still opens the deal.
 */
export const DraggableDealCard = memo(function DraggableDealCard(props: CardFacts) {
  const { t } = useTranslation('board');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: props.deal.id,
    data: { deal: props.deal },
  });
  return (
    <div
      ref={setNodeRef}
      className={`${classes.card} ${isDragging ? classes.cardDragging : ''}`}
      data-testid="deal-card"
      data-deal-id={props.deal.id}
      {...listeners}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className={classes.handle}
        {...attributes}
        aria-label={t('card.move', { name: props.deal.name })}
      >
        <span className={classes.grip} aria-hidden />
      </button>
      <CardBody {...props} />
    </div>
  );
});
