// A field of a record header that turns into an input on click or Enter: Enter or leaving the field
// saves, Escape cancels. Viewers see the value only.
import { Box, NumberInput, Select, Text, TextInput, UnstyledButton } from '@mantine/core';
import { type ComponentType, type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface EditorProps<V> {
  label: string;
  initial: V;
  options?: Option[] | undefined;
  /** Ends editing; `save` is only called with a changed value. */
  finish: (outcome: { save: V } | 'cancel', refocus: boolean) => void;
}

interface InlineFieldProps<V> {
  label: string;
  value: V;
  display: ReactNode;
  canEdit: boolean;
  onSave: (value: V) => void;
  Editor: ComponentType<EditorProps<V>>;
  options?: Option[];
  testId?: string;
}

export function InlineField<V>(props: InlineFieldProps<V>) {
  const { label, value, display, canEdit, onSave, Editor, options, testId } = props;
  const { t } = useTranslation('records');
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const finish: EditorProps<V>['finish'] = (outcome, refocus) => {
    setEditing(false);
    if (outcome !== 'cancel' && outcome.save !== value) onSave(outcome.save);
    // Keyboard users land back on the field they edited; a click elsewhere keeps its own focus.
    if (refocus) requestAnimationFrame(() => button.current?.focus());
  };
  const shown = display === '' || display === null || display === undefined ? '—' : display;
  return (
    <Box data-testid={testId} miw={0}>
      {editing ? (
        <Editor label={label} initial={value} options={options} finish={finish} />
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          {canEdit ? (
            <UnstyledButton
              ref={button}
              onClick={() => setEditing(true)}
              aria-label={t('edit.field', { field: label })}
              title={t('edit.field', { field: label })}
              style={{ borderBottom: '1px dashed var(--mantine-color-gray-4)', maxWidth: '100%' }}
            >
              <Text size="sm" truncate>
                {shown}
              </Text>
            </UnstyledButton>
          ) : (
            <Text size="sm" truncate>
              {shown}
            </Text>
          )}
        </>
      )}
    </Box>
  );
}

/** Enter saves what `read()` gives, Escape cancels; both hand focus back to the field. */
function keysOf<V>(finish: EditorProps<V>['finish'], read: () => V) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish('cancel', true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      finish({ save: read() }, true);
    }
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Enter, Escape and leaving the field can all end an edit; only the first of them counts. */
function useOnce<V>(finish: EditorProps<V>['finish']): EditorProps<V>['finish'] {
  const ended = useRef(false);
  return (outcome, refocus) => {
    if (ended.current) return;
    ended.current = true;
    finish(outcome, refocus);
  };
}

type TextType = 'text' | 'email' | 'tel' | 'url' | 'date';

function TextLikeEditor({ label, initial, finish, type }: EditorProps<string | null> & { type: TextType }) {
  const [text, setText] = useState(initial ?? '');
  const end = useOnce(finish);
  return (
    <TextInput
      label={label}
      size="xs"
      type={type}
      autoFocus
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={keysOf(end, () => orNull(text))}
      onBlur={() => end({ save: orNull(text) }, false)}
    />
  );
}

export const TextEditor = (props: EditorProps<string | null>) => <TextLikeEditor {...props} type="text" />;
export const EmailEditor = (props: EditorProps<string | null>) => <TextLikeEditor {...props} type="email" />;
export const PhoneEditor = (props: EditorProps<string | null>) => <TextLikeEditor {...props} type="tel" />;
export const UrlEditor = (props: EditorProps<string | null>) => <TextLikeEditor {...props} type="url" />;
/** The browser's own date input: keyboard friendly, and its value is the YYYY-MM-DD the API takes. */
export const DateEditor = (props: EditorProps<string | null>) => <TextLikeEditor {...props} type="date" />;

/** Whole numbers, or money in cents edited as euros with two decimals. */
function NumberLikeEditor({
  label,
  initial,
  finish,
  factor,
}: EditorProps<number | null> & { factor: 1 | 100 }) {
  const [number, setNumber] = useState<number | string>(initial === null ? '' : initial / factor);
  const end = useOnce(finish);
  const read = () => (typeof number === 'number' ? Math.round(number * factor) : null);
  return (
    <NumberInput
      label={label}
      size="xs"
      autoFocus
      min={0}
      decimalScale={factor === 100 ? 2 : 0}
      value={number}
      onChange={setNumber}
      onKeyDown={keysOf(end, read)}
      onBlur={() => end({ save: read() }, false)}
    />
  );
}

export const IntegerEditor = (props: EditorProps<number | null>) => (
  <NumberLikeEditor {...props} factor={1} />
);
export const MoneyEditor = (props: EditorProps<number | null>) => (
  <NumberLikeEditor {...props} factor={100} />
);

export interface Option {
  value: string;
  label: string;
}

/** Picking an option saves it; Escape or leaving the list keeps the old one. */
function OptionEditor({
  label,
  initial,
  options,
  finish,
  clearable,
}: EditorProps<string | null> & { clearable: boolean }) {
  const end = useOnce(finish);
  return (
    <Select
      label={label}
      size="xs"
      autoFocus
      defaultDropdownOpened
      searchable
      clearable={clearable}
      data={options ?? []}
      defaultValue={initial}
      onChange={(value) => end({ save: value }, true)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') end('cancel', true);
      }}
      onBlur={() => end('cancel', false)}
    />
  );
}

export const SelectEditor = (props: EditorProps<string | null>) => (
  <OptionEditor {...props} clearable={false} />
);
export const ClearableSelectEditor = (props: EditorProps<string | null>) => (
  <OptionEditor {...props} clearable />
);
