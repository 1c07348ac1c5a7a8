import { SimpleGrid } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../app/session.ts';
import { type EditorProps, InlineField, type Option } from './inline-field.tsx';
import { type RecordKind, type RecordTypes, useUpdateRecord } from './record-api.ts';

export function FieldGrid({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="xs">
      {children}
    </SimpleGrid>
  );
}

interface FieldOptions {
  display?: ReactNode;
  options?: Option[];
}

/**
 * Builds the inline-editable fields of one record: each saves only its own key, so two quick edits
 * in a row never send each other's stale values.
 */
export function useRecordFields<K extends RecordKind>(kind: K, record: RecordTypes[K]) {
  const { t } = useTranslation('records');
  const editable = canWrite(useMe().data);
  const update = useUpdateRecord(kind, record.id);
  return <V,>(
    name: keyof RecordTypes[K] & string,
    Editor: ComponentType<EditorProps<V>>,
    opts: FieldOptions = {},
  ) => {
    const value = record[name] as V;
    return (
      <InlineField<V>
        key={name}
        label={t(`fields.${name}`)}
        value={value}
        display={opts.display ?? (value === null || value === undefined ? '' : String(value))}
        canEdit={editable}
        onSave={(next) => update.mutate({ [name]: next } as Partial<RecordTypes[K]>)}
        Editor={Editor}
        {...(opts.options ? { options: opts.options } : {})}
        testId={`field-${name}`}
      />
    );
  };
}

/** Options of an enum field with labels from the message files. */
export function enumOptions(field: string, values: readonly string[], t: (key: string) => string): Option[] {
  return values.map((value) => ({ value, label: t(`enums.${field}.${value}`) }));
}
