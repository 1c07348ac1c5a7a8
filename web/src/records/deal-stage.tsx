// Moving a deal between the stages of its pipeline; a lost deal asks why, for the loss analysis.
import { Badge, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../app/session.ts';
import { type Stage, usePipelines } from '../app/workspace-data.ts';
import { type RecordTypes, useUpdateRecord } from './record-api.ts';

type Deal = RecordTypes['deal'];

function LostReasonModal({
  stage,
  onCancel,
  onConfirm,
}: {
  stage: Stage | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation('records');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    if (!reason.trim()) return setError(t('deal.lostReasonRequired'));
    onConfirm(reason.trim());
    setReason('');
    setError(null);
  };
  return (
    <Modal
      opened={stage !== null}
      onClose={onCancel}
      title={t('deal.lostTitle', { stage: stage?.name ?? '' })}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={t('fields.lostReason')}
            data-autofocus
            autosize
            minRows={2}
            value={reason}
            error={error}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('cancel')}
            </Button>
            <Button type="submit" color="red">
              {t('deal.markLost')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function DealStageSelect({ deal }: { deal: Deal }) {
  const { t } = useTranslation('records');
  const editable = canWrite(useMe().data);
  const pipeline = usePipelines().data?.find((candidate) => candidate.id === deal.pipelineId);
  const update = useUpdateRecord('deal', deal.id);
  const [losing, setLosing] = useState<Stage | null>(null);
  const stages = pipeline?.stages ?? [];
  const choose = (stageId: string | null) => {
    const stage = stages.find((candidate) => candidate.id === stageId);
    if (!stage || stage.id === deal.stageId) return;
    if (stage.kind === 'lost') setLosing(stage);
    else update.mutate({ stageId: stage.id });
  };
  if (!editable) {
    return (
      <Badge size="lg" variant="light" data-testid="deal-stage">
        {stages.find((stage) => stage.id === deal.stageId)?.name ?? '…'}
      </Badge>
    );
  }
  return (
    <>
      <Select
        label={t('fields.stageId')}
        data={stages.map((stage) => ({ value: stage.id, label: stage.name }))}
        value={deal.stageId}
        onChange={choose}
        allowDeselect={false}
        w={{ base: '100%', xs: 240 }}
        data-testid="deal-stage"
      />
      <LostReasonModal
        stage={losing}
        onCancel={() => setLosing(null)}
        onConfirm={(lostReason) => {
          if (losing) update.mutate({ stageId: losing.id, lostReason });
          setLosing(null);
        }}
      />
    </>
  );
}
