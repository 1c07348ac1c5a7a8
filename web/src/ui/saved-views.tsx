import type { SavedViewList } from '@baken/core/saved-views/saved-view.schema';
import { ActionIcon, Button, Group, Loader, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, messageOf } from './form-errors.ts';
import type { ListView } from './list-view.ts';
import {
  type SavedView,
  savedViewsQueryKey,
  useDeleteView,
  useSavedViews,
  useSaveView,
} from './saved-views-api.ts';
import { uploadLocalViews } from './saved-views-upload.ts';

interface SavedViewsProps {
  userId: string;
  list: SavedViewList;
  current: ListView;
  onOpen: (view: ListView) => void;
  onReset: () => void;
}

/** A menu of the user's own named views of this list, with "save current view". */
export function SavedViews({ userId, list, current, onOpen, onReset }: SavedViewsProps) {
  const { t } = useTranslation('ui');
  const views = useSavedViews(userId, list);
  const [naming, setNaming] = useState(false);
  const remove = useDeleteWithUndo(userId, list);
  useLocalViewsUpload(userId, list, views.data);
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
          {(views.isPending || views.isError || views.data.length > 0) && <Menu.Divider />}
          {views.isPending && (
            <Menu.Item disabled leftSection={<Loader size={14} />}>
              {t('views.loading')}
            </Menu.Item>
          )}
          {views.isError && (
            <Menu.Item color="red" closeMenuOnClick={false} onClick={() => void views.refetch()}>
              {t('views.loadFailed')}
            </Menu.Item>
          )}
          {views.data?.map((saved) => (
            <Group key={saved.id} gap={0} wrap="nowrap">
              <Menu.Item onClick={() => onOpen(saved.view)}>{saved.name}</Menu.Item>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('views.delete', { name: saved.name })}
                onClick={() => remove(saved)}
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
        userId={userId}
        list={list}
        current={current}
        existing={views.data ?? []}
      />
    </>
  );
}

/** Deletes at once and offers to bring the view back, rather than asking first. */
function useDeleteWithUndo(userId: string, list: SavedViewList) {
  const { t } = useTranslation('ui');
  const deletion = useDeleteView(userId, list);
  const restore = useSaveView(userId, list);
  const undo = (saved: SavedView, notificationId: string) => {
    notifications.hide(notificationId);
    restore.mutate(
      { name: saved.name, view: saved.view },
      {
        onError: (error) =>
          notifications.show({ color: 'red', message: messageOf(error, t('views.restoreFailed')) }),
      },
    );
  };
  return (saved: SavedView) =>
    deletion.mutate(saved, {
      onSuccess: () => {
        const id = `saved-view-deleted-${saved.id}`;
        notifications.show({
          id,
          color: 'teal',
          message: (
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{t('views.deleted', { name: saved.name })}</Text>
              <Button
                size="compact-sm"
                variant="subtle"
                style={{ flexShrink: 0 }}
                onClick={() => undo(saved, id)}
              >
                {t('views.undo')}
              </Button>
            </Group>
          ),
        });
      },
      onError: (error) =>
        notifications.show({ color: 'red', message: messageOf(error, t('views.deleteFailed')) }),
    });
}

/** Once the server's views are in: moves the views this browser kept before the API had them. */
function useLocalViewsUpload(userId: string, list: SavedViewList, onServer: SavedView[] | undefined) {
  const { t } = useTranslation('ui');
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!onServer) return;
    void uploadLocalViews(userId, list, onServer).then((count) => {
      if (count === 0) return;
      notifications.show({ color: 'teal', message: t('views.moved', { count }) });
      void queryClient.invalidateQueries({ queryKey: savedViewsQueryKey(userId, list) });
    });
  }, [userId, list, onServer, queryClient, t]);
}

interface SaveViewModalProps {
  opened: boolean;
  onClose: () => void;
  userId: string;
  list: SavedViewList;
  current: ListView;
  existing: SavedView[];
}

function SaveViewModal({ opened, onClose, userId, list, current, existing }: SaveViewModalProps) {
  const { t } = useTranslation('ui');
  const [name, setName] = useState('');
  const save = useSaveView(userId, list);
  const replaces = existing.some((saved) => saved.name.toLowerCase() === name.trim().toLowerCase());
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    save.mutate(
      { name: trimmed, view: current },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('views.saved', { name: saved.name }) });
          setName('');
          close();
        },
        onError: (error) => {
          // A field message shows at the field; anything else as a notification.
          if (!fieldErrorsOf(error).name)
            notifications.show({ color: 'red', message: messageOf(error, t('views.saveFailed')) });
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title={t('views.saveTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={t('views.name')}
            description={replaces ? t('views.replaceHint') : t('views.privateHint')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldErrorsOf(save.error).name}
            maxLength={80}
            required
            data-autofocus
          />
          <Button type="submit" loading={save.isPending}>
            {t('views.saveButton')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
