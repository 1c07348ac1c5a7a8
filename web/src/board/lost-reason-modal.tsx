import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  dealName: string | undefined;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Closing a deal as lost asks why: the reason feeds the win/loss analysis. */
export function LostReasonModal({ dealName, onConfirm, onCancel }: Props) {
  const { t } = useTranslation('board');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError(t('lost.required'));
    onConfirm(reason.trim());
    setReason('');
    setError(null);
  };
  return (
    <Modal opened={dealName !== undefined} onClose={onCancel} title={t('lost.title')} centered>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">{t('lost.intro', { name: dealName })}</Text>
          <Textarea
            label={t('lost.reason')}
            required
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            value={reason}
            error={error}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('lost.cancel')}
            </Button>
            <Button type="submit" color="red">
              {t('lost.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
