import { ActionIcon, Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListView } from './list-view.ts';
import { loadViews, type SavedView, storeViews, withView } from './saved-views-store.ts';

interface SavedViewsProps {
  userId: string;
  list: string;
  current: ListView;
  onOpen: (view: ListView) => void;
  onReset: () => void;
}

/** A menu of the user's own named views of this list, with "save current view". */
export function SavedViews({ userId, list, current, onOpen, onReset }: SavedViewsProps) {
  const { t } = useTranslation('ui');
  const [views, setViews] = useState(() => loadViews(userId, list));
  const [naming, setNaming] = useState(false);
  const update = (next: SavedView[]) => {
    storeViews(userId, list, next);
    setViews(next);
  };
  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />}>
            {t('views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onReset}>{t('views.standard')}</Menu.Item>
          {views.length > 0 && <Menu.Divider />}
          {views.map((saved) => (
            <Group key={saved.name} gap={0} wrap="nowrap">
              <Menu.Item onClick={() => onOpen(saved.view)}>{saved.name}</Menu.Item>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('views.delete', { name: saved.name })}
                onClick={() => update(views.filter((view) => view.name !== saved.name))}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setNaming(true)}>{t('views.save')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SaveViewModal
        opened={naming}
        onClose={() => setNaming(false)}
        onSave={(name) => update(withView(views, { name, view: current }))}
      />
    </>
  );
}

function SaveViewModal(props: { opened: boolean; onClose: () => void; onSave: (name: string) => void }) {
  const { t } = useTranslation('ui');
  const [name, setName] = useState('');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    props.onSave(name.trim());
    setName('');
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('views.saveTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={t('views.name')}
            description={t('views.privateHint')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            data-autofocus
          />
          <Button type="submit">{t('views.saveButton')}</Button>
        </Stack>
      </form>
    </Modal>
  );
}
