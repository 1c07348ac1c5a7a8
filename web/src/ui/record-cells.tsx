import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Member } from '../app/workspace-data.ts';

export type RecordPage = '/accounts/$id' | '/contacts/$id' | '/deals/$id';

/** A link to a record page. */
export function RecordLink({ to, id, label }: { to: RecordPage; id: string; label: string }) {
  return (
    <Anchor size="sm" renderRoot={(rootProps) => <Link {...rootProps} to={to} params={{ id }} />}>
      {label}
    </Anchor>
  );
}

export function TagBadges({ tags }: { tags: string[] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {tags.map((tag) => (
        <Badge key={tag} size="sm" variant="light">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

/** A member's name by id, for owner columns and their CSV; empty when nobody owns the record. */
export function memberNamer(members: Member[] | undefined) {
  const names = new Map((members ?? []).map((member) => [member.id, member.name]));
  return (id: string | null) => (id ? (names.get(id) ?? '') : '');
}
