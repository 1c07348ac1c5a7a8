import { Button, Group, Modal, Paper, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldChoice } from './filter-builder.tsx';

/** A change the bulk bar can make to every selected record. */
export type BulkChange = { ownerId: string } | { addTag: string } | { stageId: string };

interface BulkBarProps {
  count: number;
  owners: FieldChoice[];
  /** Only deals have stages; absent elsewhere. */
  stages?: FieldChoice[];
  /** Only records with tags (not activities) get "add tag". */
  withTags: boolean;
  onChange: (change: BulkChange) => void;
  onDelete: () => void;
  onClear: () => void;
  /** Actions a list adds for its own kind of record (companies: enrich). */
  extra?: ReactNode;
}

/** Shown while records are selected: change owner, add a tag, move stage, or delete them. */
export function BulkBar(props: BulkBarProps) {
  const { t } = useTranslation('ui');
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper withBorder p="xs" mb="xs" bg="var(--mantine-color-blue-light)">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('bulk.selected', { count: props.count })}
        </Text>
        <ChoiceEditor
          button={t('bulk.owner')}
          label={t('bulk.newOwner')}
          choices={props.owners}
          onApply={(ownerId) => props.onChange({ ownerId })}
        />
        {props.stages && (
          <ChoiceEditor
            button={t('bulk.stage')}
            label={t('bulk.newStage')}
            choices={props.stages}
            onApply={(stageId) => props.onChange({ stageId })}
          />
        )}
        {props.withTags && <TagEditor onApply={(addTag) => props.onChange({ addTag })} />}
        {props.extra}
        <Button
          size="xs"
          color="red"
          variant="light"
          leftSection={<IconTrash size={14} />}
          onClick={() => setConfirming(true)}
        >
          {t('bulk.delete')}
        </Button>
        <Button size="xs" variant="subtle" onClick={props.onClear}>
          {t('bulk.clear')}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('bulk.deleteTitle')}>
        <Stack>
          <Text>{t('bulk.deleteQuestion', { count: props.count })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('bulk.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirming(false);
                props.onDelete();
              }}
            >
              {t('bulk.deleteConfirm', { count: props.count })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

interface ChoiceEditorProps {
  button: string;
  label: string;
  choices: FieldChoice[];
  onApply: (value: string) => void;
}

function ChoiceEditor({ button, label, choices, onApply }: ChoiceEditorProps) {
  const { t } = useTranslation('ui');
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value) return;
    setOpened(false);
    onApply(value);
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus withinPortal>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((open) => !open)}>
          {button}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Select
              label={label}
              data={choices}
              value={value}
              onChange={setValue}
              searchable
              comboboxProps={{ withinPortal: false }}
            />
            <Button type="submit" size="xs" disabled={!value}>
              {t('bulk.apply')}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

function TagEditor({ onApply }: { onApply: (tag: string) => void }) {
  const { t } = useTranslation('ui');
  const [opened, setOpened] = useState(false);
  const [tag, setTag] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tag.trim()) return;
    setOpened(false);
    onApply(tag.trim());
    setTag('');
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus withinPortal>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((open) => !open)}>
          {t('bulk.addTag')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <TextInput label={t('bulk.tag')} value={tag} onChange={(e) => setTag(e.currentTarget.value)} />
            <Button type="submit" size="xs">
              {t('bulk.apply')}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
