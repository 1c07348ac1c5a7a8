import { useDroppable } from '@dnd-kit/core';
import { ActionIcon, Badge, Button, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../app/format.ts';
import type { Stage } from '../app/workspace-data.ts';
import { messageOf } from '../ui/form-errors.ts';
import classes from './board.module.css';
import { type BoardFilters, COLUMN_PAGE } from './board-address.ts';
import { type ColumnTotals, cardsOf } from './board-columns.ts';
import { type Deal, useColumnDeals } from './board-deals.ts';
import { type CardFacts, DraggableDealCard, StaticDealCard } from './deal-card.tsx';

interface Props {
  pipelineId: string;
  filters: BoardFilters;
  stage: Stage;
  totals: ColumnTotals;
  currency: string;
  editable: boolean;
  facts: (deal: Deal) => CardFacts;
  onAdd: (stageId: string) => void;
}

export function BoardColumn({ pipelineId, filters, stage, totals, currency, editable, facts, onAdd }: Props) {
  const { t } = useTranslation('board');
  const query = useColumnDeals(pipelineId, filters, stage.id);
  const cards = useMemo(() => cardsOf(query.data), [query.data]);
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage }, disabled: !editable });
  const Card = editable ? DraggableDealCard : StaticDealCard;
  const headingId = `board-column-${stage.id}`;
  const hidden = Math.max(0, totals.count - cards.length);
  return (
    <section
      ref={setNodeRef}
      className={`${classes.column} ${isOver ? classes.columnOver : ''}`}
      aria-labelledby={headingId}
      aria-busy={query.isFetching}
      data-testid="board-column"
      data-stage-id={stage.id}
    >
      <ColumnHeader
        id={headingId}
        stage={stage}
        totals={totals}
        currency={currency}
        onAdd={editable ? () => onAdd(stage.id) : undefined}
      />
      <Stack gap="xs">
        {cards.map((deal) => (
          <Card key={deal.id} {...facts(deal)} />
        ))}
        {query.isPending && (
          <Group justify="center" py="md">
            <Loader size="sm" aria-label={t('loading')} />
          </Group>
        )}
        {query.isError && (
          <Stack gap={4} align="center" py="xs">
            <Text size="xs" c="red" ta="center">
              {messageOf(query.error, t('error.hint'))}
            </Text>
            <Button size="compact-xs" variant="light" onClick={() => void query.refetch()}>
              {t('error.retry')}
            </Button>
          </Stack>
        )}
        {query.isSuccess && cards.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('column.empty')}
          </Text>
        )}
        {query.hasNextPage && hidden > 0 && (
          <Button
            variant="subtle"
            size="xs"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('column.showMore', { count: Math.min(COLUMN_PAGE, hidden) })}
          </Button>
        )}
      </Stack>
    </section>
  );
}

interface HeaderProps {
  id: string;
  stage: Stage;
  totals: ColumnTotals;
  currency: string;
  onAdd: (() => void) | undefined;
}

function ColumnHeader({ id, stage, totals, currency, onAdd }: HeaderProps) {
  const { t } = useTranslation('board');
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <div style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text id={id} fw={700} size="sm" truncate component="h2" m={0}>
            {stage.name}
          </Text>
          <Badge size="sm" variant="light" color="gray" data-testid="column-count">
            {formatNumber(totals.count)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" data-testid="column-total">
          {formatMoney(totals.total, currency)}
        </Text>
      </div>
      {onAdd && (
        <Tooltip label={t('column.add', { stage: stage.name })}>
          <ActionIcon variant="subtle" onClick={onAdd} aria-label={t('column.add', { stage: stage.name })}>
            <IconPlus size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
