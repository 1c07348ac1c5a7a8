import { useDroppable } from '@dnd-kit/core';
import { ActionIcon, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../app/format.ts';
import type { Stage } from '../app/workspace-data.ts';
import classes from './board.module.css';
import type { ColumnSummary } from './board-columns.ts';
import { type CardFacts, DraggableDealCard, StaticDealCard } from './deal-card.tsx';

/** Cards rendered per column before "show more": thousands of cards would make dragging sluggish. */
const PAGE = 25;

interface Props {
  stage: Stage;
  column: ColumnSummary;
  currency: string;
  editable: boolean;
  facts: (deal: ColumnSummary['deals'][number]) => CardFacts;
  onAdd: (stageId: string) => void;
}

export function BoardColumn({ stage, column, currency, editable, facts, onAdd }: Props) {
  const { t } = useTranslation('board');
  const [shown, setShown] = useState(PAGE);
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage }, disabled: !editable });
  const Card = editable ? DraggableDealCard : StaticDealCard;
  const headingId = `board-column-${stage.id}`;
  return (
    <section
      ref={setNodeRef}
      className={`${classes.column} ${isOver ? classes.columnOver : ''}`}
      aria-labelledby={headingId}
      data-testid="board-column"
      data-stage-id={stage.id}
    >
      <ColumnHeader
        id={headingId}
        stage={stage}
        column={column}
        currency={currency}
        onAdd={editable ? () => onAdd(stage.id) : undefined}
      />
      <Stack gap="xs">
        {column.deals.slice(0, shown).map((deal) => (
          <Card key={deal.id} {...facts(deal)} />
        ))}
        {column.count === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('column.empty')}
          </Text>
        )}
        {column.count > shown && (
          <Button variant="subtle" size="xs" onClick={() => setShown(shown + PAGE)}>
            {t('column.showMore', { count: Math.min(PAGE, column.count - shown) })}
          </Button>
        )}
      </Stack>
    </section>
  );
}

interface HeaderProps {
  id: string;
  stage: Stage;
  column: ColumnSummary;
  currency: string;
  onAdd: (() => void) | undefined;
}

function ColumnHeader({ id, stage, column, currency, onAdd }: HeaderProps) {
  const { t } = useTranslation('board');
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <div style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text id={id} fw={700} size="sm" truncate component="h2" m={0}>
            {stage.name}
          </Text>
          <Badge size="sm" variant="light" color="gray" data-testid="column-count">
            {formatNumber(column.count)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" data-testid="column-total">
          {formatMoney(column.total, currency)}
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
