import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../app/session.ts';
import { type Pipeline, useMembers, usePipelines } from '../app/workspace-data.ts';
import {
  type BoardFilters,
  boardPipeline,
  chosenPipelineKey,
  filtersOf,
  searchOf,
} from '../board/board-address.ts';
import { boardQuery, useBoardSummary } from '../board/board-deals.ts';
import { BoardToolbar } from '../board/board-toolbar.tsx';
import { BoardView } from '../board/board-view.tsx';
import { NewDealModal } from '../board/new-deal-modal.tsx';
import { messageOf } from '../ui/form-errors.ts';

const boardRoute = getRouteApi('/app/deals/board');

/** The deals of one pipeline as a kanban: a column per stage, moved by drag and drop. */
export function DealsBoardPage() {
  const { t } = useTranslation('board');
  const me = useMe().data;
  const pipelines = usePipelines();
  const members = useMembers();
  const [chosen, setChosen] = useLocalStorage<string | null>({
    key: chosenPipelineKey,
    defaultValue: null,
    getInitialValueInEffect: false,
  });
  const search = boardRoute.useSearch();
  const navigate = boardRoute.useNavigate();
  const filters = filtersOf(search);
  const setFilters = (next: BoardFilters) => void navigate({ search: searchOf(next), replace: true });
  const [newInStage, setNewInStage] = useState<string | undefined>();
  const list = pipelines.data ?? [];
  const pipeline = boardPipeline(list, chosen);
  const editable = canWrite(me);
  const firstOpen = pipeline?.stages.find((stage) => stage.kind === 'open')?.id;

  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <BoardToolbar
        pipelines={list}
        pipelineId={pipeline?.id}
        onPipeline={setChosen}
        members={members.data}
        filters={filters}
        onFilters={setFilters}
        onNew={editable && firstOpen ? () => setNewInStage(firstOpen) : undefined}
      />
      {pipelines.error ? (
        <LoadError error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : pipelines.isPending ? (
        <BoardLoader />
      ) : pipeline ? (
        <PipelineBoard
          pipeline={pipeline}
          filters={filters}
          currency={me?.workspace.currency ?? 'EUR'}
          editable={editable}
          onAdd={setNewInStage}
        />
      ) : (
        <Alert color="gray">{t('noPipeline')}</Alert>
      )}
      {pipeline && (
        <NewDealModal
          pipeline={pipeline}
          currency={me?.workspace.currency ?? 'EUR'}
          stageId={newInStage}
          onClose={() => setNewInStage(undefined)}
        />
      )}
    </Stack>
  );
}

interface BoardProps {
  pipeline: Pipeline;
  filters: BoardFilters;
  currency: string;
  editable: boolean;
  onAdd: (stageId: string) => void;
}

function PipelineBoard({ pipeline, filters, currency, editable, onAdd }: BoardProps) {
  const { t } = useTranslation('board');
  const queryClient = useQueryClient();
  const members = useMembers();
  const load = useQuery(boardQuery(queryClient, pipeline.id, filters));
  const summary = useBoardSummary(pipeline.id, filters, load.isSuccess);
  const error = load.error ?? summary.error;
  if (error) return <LoadError error={error} onRetry={() => void (load.error ? load : summary).refetch()} />;
  if (!summary.data) return <BoardLoader />;
  const filtered = Boolean(filters.ownerId || filters.closeFrom || filters.closeTo);
  const empty = summary.data.every((row) => row.count === 0);
  return (
    <>
      {empty && (
        <Text c="dimmed" role="status">
          {filtered ? t('emptyFiltered') : t('empty')}
        </Text>
      )}
      <BoardView
        pipeline={pipeline}
        filters={filters}
        summary={summary.data}
        members={members.data ?? []}
        currency={currency}
        editable={editable}
        onAdd={onAdd}
      />
    </>
  );
}

function BoardLoader() {
  const { t } = useTranslation('board');
  return (
    <Center mih={300} aria-busy="true">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}

function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('board');
  return (
    <Alert color="red" title={t('error.title')}>
      <Text size="sm">{messageOf(error, t('error.hint'))}</Text>
      <Button mt="sm" size="xs" variant="light" onClick={onRetry}>
        {t('error.retry')}
      </Button>
    </Alert>
  );
}
