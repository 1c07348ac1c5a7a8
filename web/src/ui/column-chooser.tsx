import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ColumnChooserProps {
  columns: { id: string; label: string }[];
  visible: string[];
  onChange: (visible: string[]) => void;
}

/** Which columns the table shows; the order stays that of the list's definition. */
export function ColumnChooser({ columns, visible, onChange }: ColumnChooserProps) {
  const { t } = useTranslation('ui');
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...visible, id] : visible.filter((column) => column !== id);
    // A table without columns is no use; keep at least one.
    if (next.length > 0) onChange(columns.map((c) => c.id).filter((c) => next.includes(c)));
  };
  return (
    <Popover position="bottom-end" trapFocus withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          {columns.map((column) => (
            <Checkbox
              key={column.id}
              label={column.label}
              checked={visible.includes(column.id)}
              onChange={(event) => toggle(column.id, event.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
