import { Alert, Button, Group, Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { memberOptions, useMembers } from '../app/workspace-data.ts';
import { messageOf } from './form-errors.ts';

/** A searchable picker of the workspace's members, for owner fields. */
export function OwnerSelect(props: Omit<SelectProps, 'data'>) {
  const { data: members } = useMembers();
  return <Select data={memberOptions(members)} clearable searchable {...props} />;
}

interface FormActionsProps {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  /** An error the fields do not show (no field named): shown above the buttons. */
  error?: unknown;
}

/** The end of every create form: a general error if any, then Cancel and the submit button. */
export function FormActions({ submitLabel, pending, onCancel, error }: FormActionsProps) {
  const { t } = useTranslation('ui');
  return (
    <>
      {error !== undefined && error !== null && (
        <Alert color="red">{messageOf(error, t('form.failed'))}</Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
