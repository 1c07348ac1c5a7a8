import { DndContext, type DragEndEvent, DragOverlay, rectIntersection } from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, Pipeline } from '../app/workspace-data.ts';
import classes from './board.module.css';
import type { BoardFilters } from './board-address.ts';
import { boardDeal } from './board-cache.ts';
import { BoardColumn } from './board-column.tsx';
import { columnTotals } from './board-columns.ts';
import type { Deal, StageSummaryRow } from './board-deals.ts';
import { announcements, dealOf, instructions, useBoardSensors } from './board-dnd.ts';
import { type CardFacts, DealCardPreview } from './deal-card.tsx';
import { LostReasonModal } from './lost-reason-modal.tsx';
import { useMoveDeal } from './use-move-deal.ts';

interface Props {
  pipeline: Pipeline;
  filters: BoardFilters;
  summary: StageSummaryRow[];
  members: Member[];
  currency: string;
  editable: boolean;
  onAdd: (stageId: string) => void;
}

interface PendingLoss {
  deal: Deal;
  stageId: string;
}

export function BoardView({ pipeline, filters, summary, members, currency, editable, onAdd }: Props) {
  const { t } = useTranslation('board');
  const queryClient = useQueryClient();
  const sensors = useBoardSensors();
  const move = useMoveDeal();
  const [active, setActive] = useState<Deal | null>(null);
  const [pendingLoss, setPendingLoss] = useState<PendingLoss | null>(null);
  const facts = useCardFacts(members);

  const onDragEnd = ({ active: dragged, over }: DragEndEvent) => {
    setActive(null);
    const deal = dealOf(dragged.data.current);
    const stage = pipeline.stages.find((item) => item.id === over?.id);
    if (!deal || !stage || stage.id === deal.stageId) return;
    if (stage.kind === 'lost') setPendingLoss({ deal, stageId: stage.id });
    else move.mutate({ deal, stageId: stage.id });
  };
  const names = {
    deal: (id: string | number) => boardDeal(queryClient, String(id))?.name ?? '',
    stage: (id: string | number) => pipeline.stages.find((stage) => stage.id === id)?.name ?? '',
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={rectIntersection}
      onDragStart={({ active: started }) => setActive(dealOf(started.data.current) ?? null)}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(null)}
      accessibility={{ announcements: announcements(t, names), screenReaderInstructions: instructions(t) }}
    >
      <div className={classes.board} data-testid="board">
        {pipeline.stages.map((stage) => (
          <BoardColumn
            key={stage.id}
            pipelineId={pipeline.id}
            filters={filters}
            stage={stage}
            totals={columnTotals(summary, stage.id, currency)}
            currency={currency}
            editable={editable}
            facts={facts}
            onAdd={onAdd}
          />
        ))}
      </div>
      {/* Above the app shell, below modals: the lost-reason modal opens while the card settles. */}
      <DragOverlay zIndex={150}>{active ? <DealCardPreview {...facts(active)} /> : null}</DragOverlay>
      <LostReasonModal
        dealName={pendingLoss?.deal.name}
        onCancel={() => setPendingLoss(null)}
        onConfirm={(lostReason) => {
          if (pendingLoss) move.mutate({ ...pendingLoss, lostReason });
          setPendingLoss(null);
        }}
      />
    </DndContext>
  );
}

/** What a card shows besides the deal itself: the owner's name. */
function useCardFacts(members: Member[]) {
  const memberNames = useMemo(() => new Map(members.map((member) => [member.id, member.name])), [members]);
  return useCallback(
    (deal: Deal): CardFacts => ({
      deal,
      ownerName: deal.ownerId ? memberNames.get(deal.ownerId) : undefined,
    }),
    [memberNames],
  );
}
