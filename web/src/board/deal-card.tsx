import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Avatar, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';
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
    <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
      <Anchor
        renderRoot={(props) => <Link to="/deals/$id" params={{ id: deal.id }} {...props} />}
        fw={600}
        size="sm"
        lineClamp={2}
      >
        {deal.name}
      </Anchor>
      {accountName && (
        <Text size="xs" c="dimmed" truncate>
          {accountName}
        </Text>
      )}
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {formatMoney(deal.amount, deal.currency)}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {formatDate(deal.expectedCloseDate)}
          </Text>
          {ownerName && (
            <Tooltip label={ownerName}>
              <Avatar size={24} radius="xl" color="initials" name={ownerName} aria-label={ownerName}>
                {initialsOf(ownerName)}
              </Avatar>
            </Tooltip>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

/** A card as it floats under the pointer while dragging. */
export function DealCardPreview(props: CardFacts) {
  return (
    <Card withBorder shadow="md" padding="xs" className={classes.card}>
      <CardBody {...props} />
    </Card>
  );
}

/** A card a viewer sees: nothing to drag. */
export const StaticDealCard = memo(function StaticDealCard(props: CardFacts) {
  return (
    <Card withBorder padding="xs" className={classes.card} data-testid="deal-card" style={{ cursor: 'auto' }}>
      <CardBody {...props} />
    </Card>
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
    <Card
      ref={setNodeRef}
      withBorder
      padding="xs"
      className={`${classes.card} ${isDragging ? classes.cardDragging : ''}`}
      data-testid="deal-card"
      data-deal-id={props.deal.id}
      {...listeners}
    >
      <Group gap={4} align="flex-start" wrap="nowrap">
        <ActionIcon
          ref={setActivatorNodeRef}
          variant="subtle"
          color="gray"
          size="sm"
          className={classes.handle}
          {...attributes}
          aria-label={t('card.move', { name: props.deal.name })}
        >
          <IconGripVertical size={16} />
        </ActionIcon>
        <CardBody {...props} />
      </Group>
    </Card>
  );
});
